namespace MeshActors.Tests.Configuration;

/// <summary>A fresh folder for configuration files, deleted on dispose.</summary>
internal sealed class TempConfigFolder : IDisposable
{
    public TempConfigFolder() => Root = Directory.CreateTempSubdirectory("meshactors-config-").FullName;

    /// <summary>The folder's absolute path.</summary>
    public string Root { get; }

    /// <summary>Writes <paramref name="text"/> to <paramref name="relativePath"/> under <see cref="Root"/> and returns its absolute path.</summary>
    public string Write(string relativePath, string text)
    {
        var full = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder is harmless.
        }
    }
}
