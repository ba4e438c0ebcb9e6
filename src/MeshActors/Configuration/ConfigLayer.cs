namespace MeshActors.Configuration;

/// <summary>One layer of configuration text, lowest first: reference.conf, the application's
/// HOCON, files, environment variables, <c>--set</c>.</summary>
/// <param name="Origin">Where the text came from: a file's absolute path, <c>env:NAME</c>, <c>--set path</c>.</param>
/// <param name="Text">HOCON text.</param>
/// <param name="Folder">For a file, its folder: relative paths set in it are resolved against it.</param>
public sealed record ConfigLayer(string Origin, string Text, string? Folder = null);
