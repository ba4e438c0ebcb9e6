using MeshActors.Events.Admission;

namespace MeshActors.Tests.Events.Admission;

public sealed class ReplayWindowsTests
{
    [Fact]
    public void Beyond_capacity_the_least_recently_advanced_source_is_forgotten()
    {
        var windows = new ReplayWindows(capacity: 2);
        windows.Set("a", new SequenceWindow(1, 1, 1));
        windows.Set("b", new SequenceWindow(1, 1, 1));
        windows.Set("a", new SequenceWindow(1, 2, 3));
        windows.Set("c", new SequenceWindow(1, 1, 1));
        windows.Count.Should().Be(2);
        windows.Get("b").Should().Be(default(SequenceWindow), "b advanced least recently");
        windows.Get("a").Should().Be(new SequenceWindow(1, 2, 3));
        windows.Get("c").Highest.Should().Be(1);
    }

    [Fact]
    public void Many_sources_never_exceed_the_capacity()
    {
        var windows = new ReplayWindows(capacity: 100);
        for (var i = 0; i < 10_000; i++)
        {
            windows.Set($"node-{i % 150}", new SequenceWindow(1, (ulong)i + 1, 1));
            windows.Count.Should().BeLessThanOrEqualTo(100);
        }
    }
}
