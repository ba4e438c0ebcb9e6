using MeshActors.Randomness;
using MeshActors.Views;

namespace MeshActors.Tests.Views;

/// <summary>Builds HyParView states for tests and checks their invariants.</summary>
internal static class ViewStates
{
    public static readonly HyParViewOptions Options = HyParViewOptions.Default;

    public static IRandomSource Random(ulong seed = 1) => new SeededRandomSource(seed);

    /// <summary>Node <paramref name="self"/> with the given active and passive peers.</summary>
    public static HyParViewState<int> Node(int self, int[]? active = null, int[]? passive = null, HyParViewOptions? options = null)
    {
        var state = HyParViewState<int>.Create(self, options ?? Options);
        foreach (var peer in active ?? [])
        {
            state = state with { Active = state.Active.Add(peer) };
        }

        foreach (var peer in passive ?? [])
        {
            state = state with { Passive = state.Passive.Add(peer) };
        }

        return state;
    }

    /// <summary>Views within limits, without self, pairwise disjoint.</summary>
    public static void ShouldKeepInvariants(this HyParViewState<int> state)
    {
        state.Active.Count.Should().BeLessThanOrEqualTo(state.Options.ActiveHigh);
        state.Passive.Count.Should().BeLessThanOrEqualTo(state.Options.PassiveSize);
        state.Active.Should().NotContain(state.Self).And.OnlyHaveUniqueItems();
        state.Passive.Should().NotContain(state.Self).And.OnlyHaveUniqueItems();
        state.Pending.Should().NotContain(state.Self);
        state.Active.Intersect(state.Passive).Should().BeEmpty();
        state.Active.Intersect(state.Pending).Should().BeEmpty();
        state.Passive.Intersect(state.Pending).Should().BeEmpty();
    }

    public static IEnumerable<(int To, HyParViewMessage<int> Message)> Sent(this HyParViewStep<int> step) =>
        step.Sends.Select(s => (s.To, s.Message));
}
