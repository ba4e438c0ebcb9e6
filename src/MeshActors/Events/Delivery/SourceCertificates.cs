using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MeshActors.Events.Delivery;

/// <summary>
/// The validated certificates of event sources, by node id, for at most <see cref="Capacity"/>
/// sources (least recently used forgotten first). A certificate is validated once, when it first
/// arrives (<see cref="Offer"/>), and then used for every event of that source; a different
/// certificate for a known source (a restart with a renewed certificate) replaces it only if it
/// validates too. Mutable, owned by the event router.
/// </summary>
internal sealed class SourceCertificates
{
    private readonly EventSigningIdentity _identity;
    private readonly Dictionary<string, LinkedListNode<Entry>> _bySource = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _recency = new();
    private readonly Entry _self;

    public SourceCertificates(EventSigningIdentity identity, string selfId, int capacity)
    {
        _identity = identity;
        Capacity = capacity;
        _self = new Entry(selfId, identity.Certificate, identity.Der, Digest(identity.Der));
    }

    public int Capacity { get; }

    public int Count => _bySource.Count;

    /// <summary>The certificate of <paramref name="source"/>, when known.</summary>
    public X509Certificate2? Get(string source) => Find(source)?.Certificate;

    /// <summary>The DER of <paramref name="source"/>'s certificate and a digest that changes with it, when known.</summary>
    public (byte[] Der, long Digest)? Travel(string source) => Find(source) is { } e ? (e.Der, e.Digest) : null;

    /// <summary>Validates <paramref name="der"/> as <paramref name="source"/>'s certificate and keeps it; null when kept (or already known), else why not.</summary>
    public string? Offer(string source, ReadOnlySpan<byte> der)
    {
        if (der.IsEmpty)
        {
            return "no certificate";
        }

        if (source == _self.Source)
        {
            return der.SequenceEqual(_self.Der) ? null : $"a certificate for this node ({source}) that is not its own";
        }

        var digest = Digest(der);
        if (_bySource.TryGetValue(source, out var known) && known.Value.Digest == digest && known.Value.Der.AsSpan().SequenceEqual(der))
        {
            Touch(known);
            return null;
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadCertificate(der);
        }
        catch (CryptographicException e)
        {
            return $"the certificate of {source} does not parse: {e.Message}";
        }

        var problem = _identity.Problem(certificate, source);
        if (problem is not null)
        {
            certificate.Dispose();
            return problem;
        }

        Put(new Entry(source, certificate, der.ToArray(), digest));
        return null;
    }

    private Entry? Find(string source)
    {
        if (source == _self.Source)
        {
            return _self;
        }

        if (!_bySource.TryGetValue(source, out var node))
        {
            return null;
        }

        Touch(node);
        return node.Value;
    }

    private void Touch(LinkedListNode<Entry> node)
    {
        _recency.Remove(node);
        _recency.AddLast(node);
    }

    private void Put(Entry entry)
    {
        if (_bySource.Remove(entry.Source, out var existing))
        {
            _recency.Remove(existing);
        }
        else if (_bySource.Count >= Capacity)
        {
            var oldest = _recency.First!;
            _recency.RemoveFirst();
            _bySource.Remove(oldest.Value.Source);
        }

        _bySource[entry.Source] = _recency.AddLast(entry);
    }

    private static long Digest(ReadOnlySpan<byte> der) => (long)Sharding.StableHash.Fnv1a64(der);

    private sealed record Entry(string Source, X509Certificate2 Certificate, byte[] Der, long Digest);
}
