using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace MeshActors.Discovery.Coordination;

/// <summary>
/// Contact points an operator or the application introduced by hand (<c>meshctl</c>,
/// <see cref="MeshDiscovery.AddManual"/>), one per address, served by the <c>manual</c> provider
/// in the static tier. Thread-safe. With a file, every change is written atomically (a temporary
/// file renamed over the old one) and the list is read back at start, so a restart keeps it.
/// </summary>
internal sealed class ManualIntroductions
{
    /// <summary>The provider name the introductions carry.</summary>
    public const string ProviderName = "manual";

    /// <summary>The file name in the data folder.</summary>
    public const string FileName = "manual-contacts.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };
    private readonly Lock _gate = new();
    private readonly string? _path;
    private readonly ILogger _log;
    private List<ContactPoint> _points = [];

    /// <summary>Keeps introductions in memory and, when <paramref name="path"/> is set, in that file.</summary>
    public ManualIntroductions(string? path, ILogger log)
    {
        _path = path;
        _log = log;
        if (path is not null && File.Exists(path))
        {
            try
            {
                var stored = JsonSerializer.Deserialize<List<Stored>>(File.ReadAllText(path)) ?? [];
                _points = stored.Select(s => s.ToContactPoint()).DistinctBy(p => p.Address).ToList();
            }
            catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or FormatException)
            {
                _log.LogWarning("Manual introductions in {Path} cannot be read ({Problem}); starting with none", path, ex.Message);
            }
        }
    }

    /// <summary>The introductions, in the order they were added.</summary>
    public IReadOnlyList<ContactPoint> Snapshot
    {
        get
        {
            lock (_gate)
            {
                return _points;
            }
        }
    }

    /// <summary>Adds <paramref name="point"/> (as provider <c>manual</c>), replacing an introduction of the same address.</summary>
    public void Add(ContactPoint point)
    {
        var manual = point with { Provider = ProviderName, Source = point.Source ?? "manual introduction" };
        Change(points => [.. points.Where(p => p.Address != manual.Address), manual]);
    }

    /// <summary>Removes the introduction of <paramref name="address"/>; false when there was none.</summary>
    public bool Remove(NodeAddress address)
    {
        var removed = false;
        Change(points =>
        {
            var kept = points.Where(p => p.Address != address).ToList();
            removed = kept.Count != points.Count;
            return kept;
        });
        return removed;
    }

    private void Change(Func<List<ContactPoint>, List<ContactPoint>> change)
    {
        lock (_gate)
        {
            var next = change(_points);
            if (_path is not null)
            {
                Write(_path, next);
            }

            _points = next;
        }
    }

    private static void Write(string path, List<ContactPoint> points)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(points.Select(Stored.From).ToList(), Json));
        File.Move(temporary, path, overwrite: true);
    }

    private sealed record Stored(string Address, string? NodeId, string? Fingerprint, string? Source)
    {
        public static Stored From(ContactPoint p) => new(p.Address.ToString(), p.NodeId, p.Fingerprint, p.Source);

        public ContactPoint ToContactPoint() =>
            new(NodeAddress.Parse(Address), ProviderName) { NodeId = NodeId, Fingerprint = Fingerprint, Source = Source };
    }
}
