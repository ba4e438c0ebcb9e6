using MeshActors.Randomness;
using MeshActors.Configuration;

namespace MeshActors.Hosting;

/// <summary>
/// Gives a node a stable id: the configured one, or one generated on first start and kept in
/// <c>&lt;data-dir&gt;/node-id</c>. The file is written to a temporary name and moved into place, so
/// a crash mid-write never leaves a half-written id; if two processes race, the first id wins.
/// </summary>
public static class NodeIdentityStore
{
    /// <summary>The file name under the data dir.</summary>
    public const string FileName = "node-id";

    /// <summary>Returns the node id and whether it was generated just now.</summary>
    /// <exception cref="ConfigValidationException">The data dir cannot be used, or its id file is corrupt.</exception>
    public static (string NodeId, bool Generated) LoadOrCreate(NodeOptions options, IRandomSource random)
    {
        if (options.Id.Length > 0)
        {
            return (options.Id, false);
        }

        var dataDir = Path.GetFullPath(options.DataDir);
        var file = Path.Combine(dataDir, FileName);
        try
        {
            Directory.CreateDirectory(dataDir);
            if (TryRead(file, out var existing))
            {
                return (existing, false);
            }

            Span<byte> bytes = stackalloc byte[6];
            random.NextBytes(bytes);
            var generated = "node-" + Convert.ToHexStringLower(bytes);
            var temporary = file + ".tmp-" + Convert.ToHexStringLower(bytes);
            File.WriteAllText(temporary, generated + "\n");
            try
            {
                File.Move(temporary, file, overwrite: false);
            }
            catch (IOException) when (File.Exists(file))
            {
                File.Delete(temporary);
                return TryRead(file, out var winner) ? (winner, false) : throw Corrupt(file);
            }

            return (generated, true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigValidationException([new ConfigError("meshactors.node.data-dir", null, $"cannot keep the node id in {file}: {ex.Message}", "point meshactors.node.data-dir at a writable folder, or set meshactors.node.id")]);
        }
    }

    private static bool TryRead(string file, out string id)
    {
        id = string.Empty;
        if (!File.Exists(file))
        {
            return false;
        }

        id = File.ReadAllText(file).Trim();
        return ConfigReader.IsIdentifier(id) ? true : throw Corrupt(file);
    }

    private static ConfigValidationException Corrupt(string file) =>
        new([new ConfigError("meshactors.node.data-dir", null, $"{file} does not hold a valid node id", "delete the file to generate a new id (the node then joins as a new member), or set meshactors.node.id")]);
}
