using System.Text;
using FsCheck;
using FsCheck.Fluent;
using MeshActors.Sharding.Table;

namespace MeshActors.Tests.Sharding.Table;

/// <summary>Round trips: encode/decode of tables and diffs, and <c>Apply(DiffTo)</c>, over random tables.</summary>
public sealed class ShardTableProperties
{
    private static readonly string[] Owners = ["", "a", "b", "node-7", "ünïcode", "z"];

    private static readonly Gen<ShardEntry> Entry =
        from owner in Gen.Elements(Owners)
        from state in Gen.Elements(ShardState.Active, ShardState.Draining, ShardState.Paused, ShardState.Moving)
        select owner.Length == 0 ? new ShardEntry("", ShardState.Paused) : new ShardEntry(owner, state);

    private static readonly Gen<ShardTable> AnyTable =
        from count in Gen.Choose(1, 300)
        from entries in Gen.ArrayOf(Entry, count)
        from version in Gen.Choose(0, 1_000_000)
        from token in Gen.Choose(0, 1_000)
        from ms in Gen.Choose(0, int.MaxValue)
        select ShardTable.Create("orders", version, token, DateTimeOffset.FromUnixTimeMilliseconds(ms * 1000L), entries);

    /// <summary>Two versions of one table: the second changes some rows and has a later version and a token at least as high.</summary>
    private static readonly Gen<(ShardTable Before, ShardTable After)> Pair =
        from before in AnyTable
        from changes in Gen.ArrayOf(Entry, before.ShardCount)
        from mask in Gen.ArrayOf(Gen.Elements(true, false, false), before.ShardCount)
        from versions in Gen.Choose(1, 5)
        from tokens in Gen.Choose(0, 3)
        select (before, ShardTable.Create("orders", before.Version + versions, before.FencingToken + tokens, before.WrittenAt.AddSeconds(1),
            before.Entries().Select((e, i) => mask[i] ? changes[i] : e).ToList()));

    [Fact]
    public void A_table_decodes_to_the_same_rows_version_token_time_and_checksum() =>
        Check.One(PlacementProperties.Settings(seed: 9101, tests: 200), Prop.ForAll(Arb.From(AnyTable), table =>
        {
            var decoded = ShardTable.Decode(table.Encode());

            decoded.Entries().Should().Equal(table.Entries());
            (decoded.Namespace, decoded.Version, decoded.FencingToken, decoded.WrittenAt).Should().Be((table.Namespace, table.Version, table.FencingToken, table.WrittenAt));
            decoded.Checksum.Should().Be(table.Checksum);
            decoded.Encode().Should().Equal(table.Encode(), "the encoding is canonical");
        }));

    [Fact]
    public void Apply_of_DiffTo_reproduces_the_table_and_its_checksum_and_the_diff_round_trips() =>
        Check.One(PlacementProperties.Settings(seed: 9203, tests: 200), Prop.ForAll(Arb.From(Pair), pair =>
        {
            var diff = pair.Before.DiffTo(pair.After, "leader-1", "test");
            var decoded = ShardTableDiff.Decode(diff.Encode());

            foreach (var d in new[] { diff, decoded })
            {
                var applied = pair.Before.Apply(d);
                applied.Entries().Should().Equal(pair.After.Entries());
                applied.Checksum.Should().Be(pair.After.Checksum);
            }

            decoded.Encode().Should().Equal(diff.Encode());
            (decoded.Author, decoded.At, decoded.Reason, decoded.Moves.Length).Should().Be((diff.Author, diff.At, diff.Reason, diff.Moves.Length));
            diff.Moves.All(m => pair.Before[m.Shard] != pair.After[m.Shard]).Should().BeTrue("a diff lists changed rows only");
            diff.Moves.Select(m => m.Shard).Should().BeInAscendingOrder();
        }));

    [Fact]
    public void Truncated_or_corrupted_encodings_never_decode_to_a_different_table() =>
        Check.One(PlacementProperties.Settings(seed: 9307, tests: 200), Prop.ForAll(Arb.From(AnyTable), Arb.From(Gen.Choose(0, int.MaxValue)), (table, seed) =>
        {
            var bytes = table.Encode();
            var random = new Random(seed);
            var corrupt = random.Next(2) == 0 ? bytes[..random.Next(bytes.Length)] : Flip(bytes, random);
            try
            {
                var decoded = ShardTable.Decode(corrupt);
                decoded.Checksum.Should().Be(table.Checksum, "a decode that succeeds is the same table (e.g. a flipped byte inside whitespace-free JSON that still parses the same)");
            }
            catch (FormatException)
            {
            }
        }));

    private static byte[] Flip(byte[] bytes, Random random)
    {
        var copy = (byte[])bytes.Clone();
        var at = random.Next(copy.Length);
        copy[at] = (byte)(copy[at] ^ (1 << random.Next(8)));
        return copy;
    }

    [Fact]
    public void The_encoding_is_compact()
    {
        var table = ShardTable.Create("orders", 1, 1, Tables.Start, Enumerable.Range(0, 10_000).Select(i => new ShardEntry($"node-{i % 50}", ShardState.Active)).ToList());
        Encoding.UTF8.GetString(table.Encode()).Length.Should().BeLessThan(10_000 * 4, "about 3 bytes a shard: an owner index and a state letter");
    }
}
