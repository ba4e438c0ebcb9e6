using System.Collections.Immutable;

namespace MeshActors.Views.Limits;

/// <summary>The overlay's connection limits. Defaults: no per-subnet limit (0; a LAN cluster often
/// sits in one /24, see this folder's README), loopback exempt, inbound connections at 5 per second
/// with bursts of 20.</summary>
public sealed record LimitOptions
{
    /// <summary>The default options.</summary>
    public static LimitOptions Default { get; } = new();

    /// <summary>The most active peers per subnet (<see cref="SubnetKey"/>); 0 for no limit.</summary>
    public int MaxPeersPerSubnet { get; init; }

    /// <summary>Ranges and names never counted nor limited (<see cref="SubnetExemptions.Create"/>).</summary>
    public ImmutableArray<string> ExemptRanges { get; init; } = ["127.0.0.0/8", "::1/128", "localhost"];

    /// <summary>Inbound overlay connections admitted per second, on average.</summary>
    public double InboundPerSecond { get; init; } = 5;

    /// <summary>Inbound overlay connections admitted at once after a quiet spell.</summary>
    public double InboundBurst { get; init; } = 20;

    /// <summary>Every inconsistency at once, each naming the setting and the fix; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MaxPeersPerSubnet < 0)
        {
            errors.Add($"MaxPeersPerSubnet is {MaxPeersPerSubnet}: set 0 for no limit or a positive count.");
        }

        try
        {
            SubnetExemptions.Create(ExemptRanges.IsDefault ? [] : ExemptRanges);
        }
        catch (ArgumentException ex)
        {
            errors.Add($"ExemptRanges: {ex.Message.Split(" (Parameter", 2)[0]}.");
        }

        if (!double.IsFinite(InboundPerSecond) || InboundPerSecond < 0)
        {
            errors.Add($"InboundPerSecond is {InboundPerSecond}: it must be zero or more.");
        }

        if (!double.IsFinite(InboundBurst) || InboundBurst < 1)
        {
            errors.Add($"InboundBurst is {InboundBurst}: it must be at least 1.");
        }

        return errors;
    }
}
