using MeshActors.Dns;

namespace MeshActors.Discovery.Mdns;

/// <summary>One service instance in <see cref="MdnsBrowseCache"/>: what its PTR, SRV and TXT
/// records said and when each expires. Mutable state owned by the cache.</summary>
internal sealed class MdnsInstance
{
    /// <summary>The interface it was last heard on.</summary>
    public required string Interface { get; set; }

    /// <summary>When the PTR pointing to it expires.</summary>
    public DateTimeOffset PtrExpires { get; set; }

    /// <summary>Its SRV data, or null until heard.</summary>
    public SrvData? Srv { get; set; }

    /// <summary>When the SRV expires.</summary>
    public DateTimeOffset SrvExpires { get; set; }

    /// <summary>Its TXT attributes, or null until heard.</summary>
    public IReadOnlyDictionary<string, string?>? Txt { get; set; }

    /// <summary>When the TXT expires.</summary>
    public DateTimeOffset TxtExpires { get; set; }
}
