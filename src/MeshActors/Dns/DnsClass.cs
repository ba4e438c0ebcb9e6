namespace MeshActors.Dns;

/// <summary>Record and question classes (RFC 1035 §3.2.4). MeshActors writes only
/// <see cref="Internet"/>; other classes decode and are kept in <c>Class</c> so callers can ignore them.</summary>
public static class DnsClass
{
    /// <summary>IN, the Internet.</summary>
    public const ushort Internet = 1;

    /// <summary>ANY (queries only).</summary>
    public const ushort Any = 255;
}
