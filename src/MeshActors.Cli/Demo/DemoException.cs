namespace MeshActors.Cli.Demo;

/// <summary>The demo cannot start; the message says why and what to change.</summary>
internal sealed class DemoException(string message) : Exception(message);
