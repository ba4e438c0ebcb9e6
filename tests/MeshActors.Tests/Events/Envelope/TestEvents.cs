using MeshActors.Events.Envelope;
using MeshActors.Tests.Security;

namespace MeshActors.Tests.Events.Envelope;

/// <summary>Events for the envelope and admission tests, around <see cref="TestPki.Now"/>.</summary>
internal static class TestEvents
{
    public static readonly EventId Id = new(0x0011223344556677, 0x8899AABBCCDDEEFF);

    public static MeshEvent Unsigned(
        EventId? id = null, string source = "node-1", ulong incarnation = 7, ulong sequence = 2,
        DateTimeOffset? at = null, string topic = "infra.disk", byte[]? payload = null) =>
        new(id ?? Id, source, incarnation, sequence, at ?? TestPki.Now, topic, payload ?? [1, 2, 3], SignatureAlgorithm.None, ReadOnlyMemory<byte>.Empty);

    public static MeshEvent Signed(
        EventId? id = null, string source = "node-1", ulong incarnation = 7, ulong sequence = 2,
        DateTimeOffset? at = null, string topic = "infra.disk", byte[]? payload = null) =>
        MeshEventCodec.Sign(Unsigned(id, source, incarnation, sequence, at, topic, payload), FixedSigner.Instance, EnvelopeLimits.Default);

    public static byte[] Encoded(MeshEvent? @event = null) => MeshEventCodec.Encode(@event ?? Signed(), EnvelopeLimits.Default);

    /// <summary>A stand-in signer whose signature is always DEADBEEF: the codec does not check signatures.</summary>
    public sealed class FixedSigner : IEventSigner
    {
        public static readonly FixedSigner Instance = new();

        public SignatureAlgorithm Algorithm => SignatureAlgorithm.EcdsaSha256;

        public byte[] Sign(ReadOnlySpan<byte> signedBytes) => [0xDE, 0xAD, 0xBE, 0xEF];
    }

    /// <summary>A verifier that answers the same for every event and counts its calls.</summary>
    public sealed class StubVerifier(SignatureVerdict verdict) : IEventVerifier
    {
        public int Calls { get; private set; }

        public SignatureVerdict Verify(MeshEvent @event)
        {
            Calls++;
            return verdict;
        }
    }
}
