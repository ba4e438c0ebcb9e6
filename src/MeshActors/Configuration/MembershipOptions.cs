using MeshActors.Membership;

namespace MeshActors.Configuration;

/// <summary><c>meshactors.membership</c>: the chosen profile, resolved to its settings.</summary>
public sealed record MembershipOptions
{
    /// <summary>The profile's name (<c>local</c>, <c>lan</c>, <c>wan</c>).</summary>
    public required string Profile { get; init; }

    /// <summary>The profile's settings after any overrides.</summary>
    public required MembershipSettings Settings { get; init; }
}
