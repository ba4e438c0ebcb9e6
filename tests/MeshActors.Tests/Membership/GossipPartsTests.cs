using MeshActors.Actors;
using MeshActors.Membership;
using MeshActors.Transport.Wire;

namespace MeshActors.Tests.Membership;

/// <summary>The broadcast queue, the Lifeguard suspicion and the probe order, each on its own.</summary>
public sealed class GossipPartsTests
{
    private static readonly DateTimeOffset T0 = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static MemberRecord Record(string node, ulong incarnation = 0) =>
        new() { NodeId = node, Address = "10.0.0.1:7946", Status = MemberStatusWire.MemberAlive, Incarnation = incarnation };

    [Fact]
    public void An_update_is_sent_at_most_limit_times()
    {
        var queue = new BroadcastQueue();
        queue.Enqueue(Record("a"));
        var sent = 0;
        for (var i = 0; i < 10; i++)
        {
            var into = new List<MemberRecord>();
            queue.Take(1400, limit: 3, into);
            sent += into.Count;
        }

        sent.Should().Be(3);
        queue.Count.Should().Be(0);
    }

    [Fact]
    public void A_newer_update_about_a_member_replaces_the_pending_one()
    {
        var queue = new BroadcastQueue();
        queue.Enqueue(Record("a", 1));
        queue.Enqueue(Record("a", 2));

        var into = new List<MemberRecord>();
        queue.Take(1400, 3, into);

        into.Should().ContainSingle().Which.Incarnation.Should().Be(2);
    }

    [Fact]
    public void The_least_sent_updates_go_first_and_the_byte_budget_holds()
    {
        var queue = new BroadcastQueue();
        queue.Enqueue(Record("old"));
        var first = new List<MemberRecord>();
        queue.Take(1400, 10, first); // "old" now sent once
        for (var i = 0; i < 100; i++)
        {
            queue.Enqueue(Record("n" + i));
        }

        var into = new List<MemberRecord>();
        queue.Take(300, 10, into);

        into.Sum(r => r.CalculateSize() + 2).Should().BeLessThanOrEqualTo(300);
        into.Should().NotBeEmpty().And.NotContain(r => r.NodeId == "old", "fresh updates take precedence over ones already sent");
        into[0].NodeId.Should().Be("n99", "among equals, the newest goes first");
    }

    [Fact]
    public void A_skipped_member_is_left_in_the_queue()
    {
        var queue = new BroadcastQueue();
        queue.Enqueue(Record("a"));

        var into = new List<MemberRecord>();
        queue.Take(1400, 3, into, skipNode: "a");

        into.Should().BeEmpty();
        queue.Pending("a").Should().NotBeNull();
    }

    [Fact]
    public void Confirmations_shorten_a_suspicion_from_its_maximum_to_its_minimum()
    {
        var min = TimeSpan.FromSeconds(4);
        var suspicion = new Suspicion(0, "raiser", T0, min, min * 6, expectedConfirmations: 2);
        suspicion.Deadline.Should().Be(T0 + (min * 6));

        suspicion.Confirm("raiser").Should().BeFalse("the raiser's own claim is not a confirmation");
        suspicion.Confirm("b").Should().BeTrue();
        suspicion.Confirm("b").Should().BeFalse("the same member confirms once");
        suspicion.Deadline.Should().BeAfter(T0 + min).And.BeBefore(T0 + (min * 6));
        suspicion.Confirm("c").Should().BeTrue();
        suspicion.Deadline.Should().Be(T0 + min);
        suspicion.Confirm("d").Should().BeFalse("no more than expected are counted");
    }

    [Fact]
    public void Every_member_is_probed_once_per_pass_in_a_changing_order()
    {
        var order = new ProbeOrder(new SeededRandomSource(3));
        order.AddAll(Enumerable.Range(0, 20).Select(i => "m" + i));

        var pass1 = Enumerable.Range(0, 20).Select(_ => order.Next(_ => true)!).ToList();
        var pass2 = Enumerable.Range(0, 20).Select(_ => order.Next(_ => true)!).ToList();

        pass1.Should().OnlyHaveUniqueItems().And.HaveCount(20);
        pass2.Should().OnlyHaveUniqueItems().And.HaveCount(20);
        pass2.Should().NotEqual(pass1, "the order is shuffled again after each pass");
    }

    [Fact]
    public void Probing_skips_ineligible_members_and_gives_up_after_a_full_pass()
    {
        var order = new ProbeOrder(new SeededRandomSource(3));
        order.Add("dead");
        order.Add("alive");

        order.Next(m => m == "alive").Should().Be("alive");
        order.Next(m => m == "alive").Should().Be("alive");
        order.Next(_ => false).Should().BeNull();
        order.Remove("alive");
        order.Next(m => m == "alive").Should().BeNull();
        order.Count.Should().Be(1);
    }
}
