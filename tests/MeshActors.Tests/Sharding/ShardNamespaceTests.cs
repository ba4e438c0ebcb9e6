using MeshActors.Sharding;

namespace MeshActors.Tests.Sharding;

public sealed class ShardNamespaceTests
{
    [Theory]
    [InlineData("", 10, "the namespace name is empty*")]
    [InlineData("orders", 0, "shard count 0 is out of range; give 1 to 1000000*")]
    [InlineData("orders", 1_000_001, "shard count 1000001 is out of range*")]
    public void Bad_namespaces_are_refused_naming_the_value(string name, int shards, string message)
    {
        var create = () => new ShardNamespace(name, shards);

        create.Should().Throw<ArgumentException>().WithMessage(message);
    }

    [Fact]
    public void OwnerOf_refuses_a_shard_outside_the_namespace()
    {
        var placement = new RendezvousStrategy().Prepare(new ShardNamespace("orders", 8), Members.Plain(3));

        placement.Invoking(p => p.OwnerOf(8)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("namespace orders has shards 0 to 7*");
        placement.Invoking(p => p.OwnerOf(-1)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Every_strategy_is_listed_once_by_its_name()
    {
        ShardPlacementStrategies.Names.Should().Equal("rendezvous", "ring", "locality");
        ShardPlacementStrategies.Names.Select(n => ShardPlacementStrategies.Find(n)!.Name).Should().Equal(ShardPlacementStrategies.Names);
        ShardPlacementStrategies.Find("modulo").Should().BeNull();
    }
}
