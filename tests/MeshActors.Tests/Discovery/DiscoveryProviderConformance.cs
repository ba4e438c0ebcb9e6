using MeshActors.Discovery;

namespace MeshActors.Tests.Discovery;

/// <summary>
/// The behaviour every discovery provider shares, run against each provider's real backend
/// (Orleans runs one membership-table suite against every store; this is that idea for
/// discovery). A provider class derives from this and supplies an <see cref="IProviderTestbed"/>.
/// </summary>
public abstract class DiscoveryProviderConformance
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private static readonly NodeAddress[] Two = [new("10.1.0.1", 7946), new("10.1.0.2", 7947)];

    /// <summary>Starts a fresh backend for one test.</summary>
    protected abstract Task<IProviderTestbed> CreateTestbedAsync();

    [Fact]
    public async Task Finds_exactly_the_served_targets_and_names_itself()
    {
        await using var bed = await CreateTestbedAsync();
        await using var provider = await bed.ServingAsync(Two);
        provider.Name.Should().Be(bed.ProviderName);
        await provider.StartAsync(CancellationToken.None);

        var result = await provider.DiscoverAsync(Timeout()).WaitAsync(Deadline);

        result.ContactPoints.Select(c => c.Address).Should().BeEquivalentTo(Two);
        result.ContactPoints.Should().OnlyContain(c => c.Provider == bed.ProviderName);
    }

    [Fact]
    public async Task Serving_nothing_is_an_empty_result_not_an_error()
    {
        await using var bed = await CreateTestbedAsync();
        await using var provider = await bed.ServingAsync([]);
        await provider.StartAsync(CancellationToken.None);

        var result = await provider.DiscoverAsync(Timeout()).WaitAsync(Deadline);

        result.ContactPoints.Should().BeEmpty();
    }

    [Fact]
    public async Task Repeated_runs_give_the_same_answer()
    {
        await using var bed = await CreateTestbedAsync();
        await using var provider = await bed.ServingAsync(Two);
        await provider.StartAsync(CancellationToken.None);

        var first = await provider.DiscoverAsync(Timeout()).WaitAsync(Deadline);
        var second = await provider.DiscoverAsync(Timeout()).WaitAsync(Deadline);

        second.ContactPoints.Select(c => c.Address).Should().BeEquivalentTo(first.ContactPoints.Select(c => c.Address));
        first.ContactPoints.Select(c => c.Address).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task A_failing_backend_is_a_DiscoveryException_that_says_what_failed()
    {
        await using var bed = await CreateTestbedAsync();
        await using var provider = await bed.FailingAsync();
        await provider.StartAsync(CancellationToken.None);

        var act = () => provider.DiscoverAsync(Timeout()).WaitAsync(Deadline);

        var error = (await act.Should().ThrowAsync<DiscoveryException>()).Which;
        error.Message.Should().Contain(bed.ProviderName);
        error.Message.Length.Should().BeGreaterThan(30, "the message must say what failed and how to fix it");
    }

    [Fact]
    public async Task Malformed_answers_never_escape_as_anything_but_a_DiscoveryException()
    {
        await using var bed = await CreateTestbedAsync();
        await using var provider = await bed.GarbageAsync();
        await provider.StartAsync(CancellationToken.None);

        try
        {
            var result = await provider.DiscoverAsync(Timeout()).WaitAsync(Deadline);
            result.ContactPoints.Should().BeEmpty("garbage must not become contact points");
        }
        catch (DiscoveryException ex)
        {
            ex.Message.Should().Contain(bed.ProviderName);
        }
    }

    [Fact]
    public async Task A_cancelled_run_stops_promptly()
    {
        await using var bed = await CreateTestbedAsync();
        await using var provider = await bed.ServingAsync(Two);
        await provider.StartAsync(CancellationToken.None);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var act = () => provider.DiscoverAsync(cancelled.Token).WaitAsync(TimeSpan.FromSeconds(5));

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task Disposing_twice_is_harmless()
    {
        await using var bed = await CreateTestbedAsync();
        var provider = await bed.ServingAsync(Two);
        await provider.StartAsync(CancellationToken.None);

        await provider.DisposeAsync();
        await provider.DisposeAsync();
    }

    private static CancellationToken Timeout() => new CancellationTokenSource(Deadline).Token;
}
