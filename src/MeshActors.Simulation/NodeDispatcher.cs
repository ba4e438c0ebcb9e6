using MeshActors.Actors;

namespace MeshActors.Simulation;

/// <summary>One node incarnation's view of the loop: holds work back while the node is paused, and
/// drops it once the incarnation has crashed.</summary>
internal sealed class NodeDispatcher(SimulationLoop loop, SimulatedNode node, long incarnation) : IDispatcher
{
    private readonly List<IDispatchable> _held = [];

    public void Schedule(IDispatchable work)
    {
        if (node.Incarnation != incarnation || node.State == SimulatedNodeState.Crashed)
        {
            return;
        }

        if (node.State == SimulatedNodeState.Paused)
        {
            _held.Add(work);
            return;
        }

        loop.Schedule(work);
    }

    public void Release()
    {
        foreach (var work in _held)
        {
            loop.Schedule(work);
        }

        _held.Clear();
    }
}
