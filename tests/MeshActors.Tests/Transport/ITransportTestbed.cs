using MeshActors.Transport;

namespace MeshActors.Tests.Transport;

/// <summary>What the conformance suite needs from each transport implementation's test setup.</summary>
public interface ITransportTestbed : IAsyncDisposable
{
    /// <summary>Starts a peer that records what it receives and answers every Probe with a ProbeReply
    /// (unless <see cref="TestPeer.AnswerProbes"/> is turned off).</summary>
    Task<TestPeer> StartPeerAsync(string nodeId, string clusterId = "conformance", ProtocolRange? versions = null, int maxMessageSize = 1024 * 1024);

    /// <summary>An address where nothing listens.</summary>
    NodeAddress UnusedAddress { get; }

    /// <summary>Waits (real time or virtual) until <paramref name="condition"/> holds; throws after <paramref name="timeout"/>.</summary>
    Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout);

    /// <summary>Waits (real time or virtual) for <paramref name="task"/> and returns its result or exception.</summary>
    Task<T> WaitAsync<T>(Task<T> task, TimeSpan timeout);
}
