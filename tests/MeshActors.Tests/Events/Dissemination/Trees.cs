using MeshActors.Events.Dissemination;

namespace MeshActors.Tests.Events.Dissemination;

/// <summary>Builds Plumtree states for tests.</summary>
internal static class Trees
{
    public static readonly PlumtreeOptions Options = PlumtreeOptions.Default;

    public static TimeSpan At(double seconds) => TimeSpan.FromSeconds(seconds);

    public static PlumtreeState<int> Node(int self, int[]? eager = null, int[]? lazy = null, PlumtreeOptions? options = null)
    {
        var state = PlumtreeState<int>.Create(self, options ?? Options);
        foreach (var peer in eager ?? [])
        {
            state = state with { Eager = state.Eager.Add(peer) };
        }

        foreach (var peer in lazy ?? [])
        {
            state = state with { Lazy = state.Lazy.Add(peer) };
        }

        return state;
    }

    public static PlumtreeMessage.Gossip Gossip(long id, int round = 0) => new(id, ReadOnlyMemory<byte>.Empty, round);

    public static IEnumerable<(int To, PlumtreeMessage Message)> Sent(this PlumtreeStep<int> step) =>
        step.Sends.Select(s => (s.To, s.Message));
}
