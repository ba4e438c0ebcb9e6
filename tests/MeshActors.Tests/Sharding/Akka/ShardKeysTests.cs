using MeshActors.Sharding;
using MeshActors.Sharding.Akka;

namespace MeshActors.Tests.Sharding.Akka;

public sealed class ShardKeysTests
{
    /// <summary>Pinned by an independent Python transcription of <c>fmix64(fnv1a64(utf8(key))) mod n</c>: the table and Akka must agree on every key's shard, in every version.</summary>
    [Theory]
    [InlineData("", 6, 294)]
    [InlineData("a", 11, 603)]
    [InlineData("order-42", 6, 902)]
    [InlineData("entity-7", 4, 452)]
    [InlineData("ünïcode", 1, 897)]
    public void ShardOf_is_the_stable_hash_mod_the_shard_count(string key, int of16, int of1024)
    {
        ShardKeys.ShardOf(key, 16).Should().Be(of16);
        ShardKeys.ShardOf(key, 1024).Should().Be(of1024);
    }

    [Fact]
    public void The_extractor_gives_Akka_the_same_shard_as_ShardOf()
    {
        var extractor = ShardTableMessageExtractor.Create(30, m => m is string s ? s : null);
        foreach (var key in Enumerable.Range(0, 200).Select(i => $"entity-{i}"))
        {
            extractor.ShardId(key).Should().Be(ShardKeys.ShardOf(key, 30).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        extractor.ShardId(42).Should().BeNull("a message without an entity id is not the extractor's");
        extractor.EntityMessage("x").Should().Be("x");
    }

    [Theory]
    [InlineData("0", 30, 0)]
    [InlineData("29", 30, 29)]
    [InlineData("30", 30, -1)]
    [InlineData("07", 30, -1)]
    [InlineData("-1", 30, -1)]
    [InlineData("+1", 30, -1)]
    [InlineData(" 1", 30, -1)]
    [InlineData("", 30, -1)]
    [InlineData("99999999999", 30, -1)]
    public void Only_ids_written_by_ToShardId_parse(string shardId, int shardCount, int expected)
    {
        ShardKeys.TryParseShardId(shardId, shardCount, out var shard).Should().Be(expected >= 0);
        shard.Should().Be(expected);
        if (expected >= 0)
        {
            ShardKeys.ToShardId(shard).Should().Be(shardId);
        }
    }
}
