using MeshActors.Transport;
using MeshActors.Transport.Wire;

namespace MeshActors.Simulation;

/// <summary>What <see cref="SimulatedTransport"/> puts on the simulated network. Envelopes travel
/// as bytes, so the simulator exercises the same codec and size limits as real sockets.</summary>
internal static class SimulatedTransportFrames
{
    public sealed record HelloFrame(Hello Hello, ulong Attempt);

    public sealed record HelloReplyFrame(HelloReply Reply, ulong Attempt);

    public sealed record EnvelopeFrame(byte[] Bytes, NodeAddress SenderAddress)
    {
        public override string ToString() => $"EnvelopeFrame({Bytes.Length} bytes from {SenderAddress})";
    }
}
