using FsCheck;
using FsCheck.Fluent;
using MeshActors.Randomness;
using MeshActors.Views.Overlay;
using MeshActors.Views.Pex;
using MeshActors.Views.Wire;

namespace MeshActors.Tests.Views.Pex;

/// <summary>Whatever a response holds, intake accepts only unique, well-formed peers of this cluster
/// other than this node, and accounts for every entry it did not accept.</summary>
public sealed class PexIntakeProperties
{
    private static readonly OverlayPeer Self = new("self", "akka.tcp://mesh@10.0.0.1:1");

    private static readonly string[] Ids = ["a", "b", "c", "self", "-bad", "", "x.y"];

    private static readonly string[] Addresses =
    [
        "akka.tcp://mesh@10.0.0.2:1", "akka.ssl.tcp://mesh@h.example:4053", "akka.tcp://other@10.0.0.2:1",
        "akka.tcp://mesh@10.0.0.2", "akka.tcp://mesh@10.0.0.2:1/user", Self.Address, "", "garbage",
    ];

    [Fact]
    public void Accepted_entries_are_unique_valid_and_every_other_entry_is_counted()
    {
        Check.One(PropertySettings.Seeded(33, 500), Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            var random = new SeededRandomSource((ulong)seed);
            var entries = Enumerable.Range(0, random.Next(24))
                .Select(_ => new PexEntry(Ids[random.Next(Ids.Length)], Addresses[random.Next(Addresses.Length)], 0, 0)).ToArray();

            var result = PexIntake.Accept(new PexResponse(new("p", "akka.tcp://mesh@10.0.0.3:1"), [.. entries], false), 16, Self, "mesh");

            if (entries.Length > 16)
            {
                result.Oversized.Should().BeTrue();
                result.Accepted.Should().BeEmpty();
                return;
            }

            result.Accepted.Length.Should().Be(entries.Length - result.Dropped.Values.Sum());
            result.Accepted.Select(e => e.NodeId).Should().OnlyHaveUniqueItems();
            result.Accepted.All(e => e.NodeId != "self" && e.Address != Self.Address && PeerAddress.IsOfCluster(e.Address, "mesh", out _)).Should().BeTrue();
        }));
    }
}
