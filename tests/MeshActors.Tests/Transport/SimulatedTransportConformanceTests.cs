using MeshActors.Simulation;
using MeshActors.Transport;

namespace MeshActors.Tests.Transport;

/// <summary>The conformance suite on the simulator's in-memory transport, in virtual time.</summary>
public sealed class SimulatedTransportConformanceTests : TransportConformance
{
    protected override Task<ITransportTestbed> CreateTestbedAsync() => Task.FromResult<ITransportTestbed>(new Testbed());

    private sealed class Testbed : ITransportTestbed
    {
        private readonly Simulation.Simulation _sim = new(99);

        public NodeAddress UnusedAddress => new("nobody.sim", 7946);

        public async Task<TestPeer> StartPeerAsync(string nodeId, string clusterId, ProtocolRange? versions, int maxMessageSize)
        {
            TestPeer? peer = null;
            var node = _sim.AddNode(nodeId, _ => { });
            var transport = new SimulatedTransport(node, new SimulatedTransportOptions
            {
                Address = new NodeAddress(nodeId + ".sim", 7946),
                NodeId = nodeId,
                ClusterId = clusterId,
                Versions = versions ?? ProtocolRange.Supported,
                MaxMessageSize = maxMessageSize,
            });
            peer = new TestPeer(transport, nodeId);
            await transport.StartAsync(peer.OnMessage);
            return peer;
        }

        public Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout) =>
            _sim.RunUntil(condition, timeout) ? Task.CompletedTask : throw new TimeoutException($"condition not met within {timeout} of virtual time");

        public async Task<T> WaitAsync<T>(Task<T> task, TimeSpan timeout)
        {
            _sim.RunUntil(() => task.IsCompleted, timeout);
            return task.IsCompleted ? await task : throw new TimeoutException($"task not complete within {timeout} of virtual time");
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
