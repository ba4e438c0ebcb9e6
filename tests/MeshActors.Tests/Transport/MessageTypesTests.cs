using MeshActors.Transport;
using MeshActors.Transport.Wire;

namespace MeshActors.Tests.Transport;

/// <summary>Wire type numbers are append-only: this table may grow, never change.</summary>
public sealed class MessageTypesTests
{
    [Fact]
    public void Type_numbers_are_pinned()
    {
        MessageTypes.Default.Table.Should().BeEquivalentTo(new Dictionary<uint, string>
        {
            [1] = nameof(Probe),
            [2] = nameof(ProbeReply),
            [3] = nameof(SwimPing),
            [4] = nameof(SwimAck),
            [5] = nameof(SwimIndirectPing),
            [6] = nameof(SwimNack),
            [7] = nameof(SwimGossip),
            [8] = nameof(SwimPushPull),
            [9] = nameof(BootstrapQuery),
            [10] = nameof(BootstrapInfo),
        });
    }

    [Fact]
    public void An_unregistered_type_is_refused_by_name()
    {
        var act = () => MessageTypes.Default.NumberOf(new Hello());
        act.Should().Throw<ArgumentException>().WithMessage("*Hello has no wire type number*");
    }
}
