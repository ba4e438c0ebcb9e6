using MeshActors.Events.Delivery;

namespace MeshActors.Tests.Events.Delivery;

/// <summary>The router's queue of IHAVEs per neighbour: drained together, handed out when full, forgotten with the link.</summary>
public sealed class LazyQueueTests
{
    [Fact]
    public void Announcements_wait_per_neighbour_until_drained_in_order()
    {
        var queue = new LazyQueue();
        queue.Add("a", new(1, 0)).Should().BeNull();
        queue.Add("b", new(2, 0)).Should().BeNull();
        queue.Add("a", new(3, 1)).Should().BeNull();

        var drained = queue.Drain().ToDictionary(d => d.To, d => d.Announcements);

        drained["a"].Should().Equal(new EventAnnouncement(1, 0), new EventAnnouncement(3, 1));
        drained["b"].Should().Equal(new EventAnnouncement(2, 0));
        queue.IsEmpty.Should().BeTrue();
    }

    [Fact]
    public void A_full_queue_is_handed_out_at_once_and_a_forgotten_one_never()
    {
        var queue = new LazyQueue();
        for (var i = 0; i < EventWireSerializer.MaxAnnouncements - 1; i++)
        {
            queue.Add("a", new(i, 0)).Should().BeNull();
        }

        queue.Add("a", new(999, 0))!.Value.Length.Should().Be(EventWireSerializer.MaxAnnouncements);
        queue.IsEmpty.Should().BeTrue();
        queue.Add("b", new(1, 0));
        queue.Forget("b");
        queue.Drain().Should().BeEmpty();
    }
}
