
using MeshActors.Sharding.Ownership;
using static MeshActors.Sharding.Ownership.ShardTableKeeperProtocol;

namespace MeshActors.Tests.Sharding.Ownership;

/// <summary>The coordinator's messages cross the network between nodes: each must come back equal from the serializer Akka picks for it.</summary>
public sealed class ShardTableKeeperProtocolTests : global::Akka.TestKit.Xunit2.TestKit
{
    public static TheoryData<object> Messages => new()
    {
        new TableChanged("orders", [1, 2, 3]),
        new SetCordon(true),
        new CordonSet("n1", true, false),
        new GetPlans(),
        new Approve("orders", "ops"),
        new PlansView("n1", [new PlanView("orders", "investigating", true, null, 8, 0.5, 0, 0, "the members changed", DateTimeOffset.UnixEpoch)]),
        new Refused("no"),
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public void Every_message_survives_the_serializer_Akka_uses_for_it(object message)
    {
        var serialization = Sys.Serialization;
        var serializer = serialization.FindSerializerFor(message);
        var bytes = serializer.ToBinary(message);
        var back = serializer is global::Akka.Serialization.SerializerWithStringManifest m
            ? m.FromBinary(bytes, m.Manifest(message))
            : serializer.FromBinary(bytes, message.GetType());

        back.Should().BeOfType(message.GetType());
        if (message.GetType().GetProperties().Length > 1) // records all have EqualityContract; GetPlans has nothing else
        {
            back.Should().BeEquivalentTo(message, o => o.RespectingRuntimeTypes());
        }
    }
}
