using System.Collections.Immutable;
using MeshActors.Views.Wire;

namespace MeshActors.Views.Pex;

/// <summary>What <see cref="PexIntake.Accept"/> kept from a <see cref="PexResponse"/>.</summary>
/// <param name="Accepted">The entries worth dialling, in the response's order.</param>
/// <param name="Dropped">How many entries were dropped per reason (<see cref="PexIntake"/>'s reason codes);
/// for an oversized response, <c>oversized</c> with the number of entries it carried.</param>
public sealed record PexIntakeResult(ImmutableArray<PexEntry> Accepted, ImmutableDictionary<string, int> Dropped)
{
    /// <summary>Whether the whole response was refused for carrying more than the cap.</summary>
    public bool Oversized => Dropped.ContainsKey(PexIntake.ReasonOversized);
}
