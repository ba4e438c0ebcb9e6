using MeshActors.Leadership;

namespace MeshActors.Tests.Leadership;

/// <summary>
/// The behaviour every lease store shares, run against each store's real backend (the idea of
/// Orleans' one membership-table suite for every backend). A store's test class derives from this
/// and supplies an <see cref="ILeaseStoreTestbed"/>.
/// </summary>
public abstract class LeaseStoreConformance
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    /// <summary>Starts a fresh backend for one test.</summary>
    protected abstract Task<ILeaseStoreTestbed> CreateTestbedAsync();

    [Fact]
    public async Task A_free_lease_is_acquired_with_token_1_and_read_back()
    {
        await using var bed = await CreateTestbedAsync();
        await using var store = bed.OpenClient();
        store.Name.Should().Be(bed.StoreName);

        (await store.ReadAsync("leader")).Should().Be(new LeaseState("leader", null, 0));
        var grant = await store.TryAcquireAsync("leader", "a", Long);

        grant.Should().NotBeNull();
        grant!.FencingToken.Should().Be(1);
        grant.Owner.Should().Be("a");
        grant.ExpiresAt.Should().BeCloseTo(grant.AcquiredAt + Long, TimeSpan.FromSeconds(1));
        var state = await store.ReadAsync("leader");
        state.Holder.Should().Be(grant);
        state.LastToken.Should().Be(1);
    }

    [Fact]
    public async Task A_held_lease_is_refused_to_another_owner_and_names_are_independent()
    {
        await using var bed = await CreateTestbedAsync();
        await using var store = bed.OpenClient();
        await store.TryAcquireAsync("leader", "a", Long);

        (await store.TryAcquireAsync("leader", "b", Long)).Should().BeNull();
        (await store.TryAcquireAsync("scope/eu", "b", Long))!.FencingToken.Should().Be(1);
        (await store.ReadAsync("leader")).Holder!.Owner.Should().Be("a");
    }

    [Fact]
    public async Task Renewal_extends_the_term_and_keeps_its_token()
    {
        await using var bed = await CreateTestbedAsync();
        await using var store = bed.OpenClient();
        var grant = (await store.TryAcquireAsync("leader", "a", bed.ShortTtl))!;

        var renewed = await store.TryRenewAsync("leader", "a", grant.FencingToken, Long);

        renewed.Should().NotBeNull();
        renewed!.FencingToken.Should().Be(grant.FencingToken);
        renewed.AcquiredAt.Should().Be(grant.AcquiredAt);
        renewed.ExpiresAt.Should().BeAfter(grant.ExpiresAt);
        bed.Pass(bed.ShortTtl * 2);
        (await store.TryAcquireAsync("leader", "b", Long)).Should().BeNull("the renewed term outlives the first ttl");
    }

    [Fact]
    public async Task An_expired_lease_goes_to_the_next_owner_with_a_higher_token_and_the_old_term_cannot_renew()
    {
        await using var bed = await CreateTestbedAsync();
        await using var store = bed.OpenClient();
        var first = (await store.TryAcquireAsync("leader", "a", bed.ShortTtl))!;
        (await store.TryAcquireAsync("leader", "b", Long)).Should().BeNull("the term has not expired yet");

        bed.Pass(bed.ShortTtl);
        var second = await Eventually(() => store.TryAcquireAsync("leader", "b", Long));

        second.FencingToken.Should().BeGreaterThan(first.FencingToken);
        (await store.TryRenewAsync("leader", "a", first.FencingToken, Long)).Should().BeNull();
        (await store.ReleaseAsync("leader", "a", first.FencingToken)).Should().BeFalse();
        (await store.ReadAsync("leader")).Holder!.Owner.Should().Be("b");
    }

    [Fact]
    public async Task An_expired_term_with_no_successor_cannot_be_renewed()
    {
        await using var bed = await CreateTestbedAsync();
        await using var store = bed.OpenClient();
        var grant = (await store.TryAcquireAsync("leader", "a", bed.ShortTtl))!;

        bed.Pass(bed.ShortTtl);
        await Eventually(async () => (await store.ReadAsync("leader")).Holder is null ? "expired" : null);

        (await store.TryRenewAsync("leader", "a", grant.FencingToken, Long)).Should().BeNull();
        (await store.TryAcquireAsync("leader", "a", Long))!.FencingToken.Should().Be(grant.FencingToken + 1);
    }

    [Fact]
    public async Task Release_frees_the_lease_and_keeps_the_counter()
    {
        await using var bed = await CreateTestbedAsync();
        await using var store = bed.OpenClient();
        var grant = (await store.TryAcquireAsync("leader", "a", Long))!;

        (await store.ReleaseAsync("leader", "b", grant.FencingToken)).Should().BeFalse("only the holder releases");
        (await store.ReleaseAsync("leader", "a", grant.FencingToken)).Should().BeTrue();
        (await store.ReleaseAsync("leader", "a", grant.FencingToken)).Should().BeFalse("a term ends once");

        (await store.ReadAsync("leader")).Should().Be(new LeaseState("leader", null, grant.FencingToken));
        (await store.TryAcquireAsync("leader", "b", Long))!.FencingToken.Should().Be(grant.FencingToken + 1);
    }

    [Fact]
    public async Task Stale_tokens_are_rejected_even_for_the_same_owner()
    {
        await using var bed = await CreateTestbedAsync();
        await using var store = bed.OpenClient();
        var old = (await store.TryAcquireAsync("leader", "a", Long))!;
        var current = (await store.TryAcquireAsync("leader", "a", Long))!;

        current.FencingToken.Should().BeGreaterThan(old.FencingToken, "acquiring again is a new term");
        (await store.TryRenewAsync("leader", "a", old.FencingToken, Long)).Should().BeNull();
        (await store.TryRenewAsync("leader", "a", current.FencingToken + 1, Long)).Should().BeNull("a token from the future is not current either");
        (await store.ReleaseAsync("leader", "a", old.FencingToken)).Should().BeFalse();
        (await store.ReadAsync("leader")).Holder!.FencingToken.Should().Be(current.FencingToken);
    }

    [Fact]
    public async Task Of_many_concurrent_acquirers_on_separate_clients_exactly_one_wins_each_term()
    {
        await using var bed = await CreateTestbedAsync();
        var clients = Enumerable.Range(0, 8).Select(_ => bed.OpenClient()).ToArray();
        try
        {
            var tokens = new List<long>();
            for (var term = 0; term < 3; term++)
            {
                var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var attempts = Enumerable.Range(0, 24).Select(i => Task.Run(async () =>
                {
                    await start.Task;
                    return await clients[i % clients.Length].TryAcquireAsync("leader", $"owner-{term}-{i}", Long);
                })).ToArray();
                start.SetResult();
                var results = await Task.WhenAll(attempts).WaitAsync(Deadline);

                var winners = results.Where(r => r is not null).ToArray();
                winners.Should().ContainSingle($"term {term} has exactly one holder");
                (await clients[0].ReadAsync("leader")).Holder.Should().Be(winners[0]);
                tokens.Add(winners[0]!.FencingToken);
                (await clients[1].ReleaseAsync("leader", winners[0]!.Owner, winners[0]!.FencingToken)).Should().BeTrue();
            }

            tokens.Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Tokens_keep_increasing_across_holders_and_client_restarts()
    {
        await using var bed = await CreateTestbedAsync();
        var seen = new List<long>();
        for (var restart = 0; restart < 4; restart++)
        {
            await using var store = bed.OpenClient(); // a new process: nothing carried over but the store's data
            var grant = (await store.TryAcquireAsync("leader", $"node-{restart % 2}", Long))!;
            seen.Add(grant.FencingToken);
            if (restart % 2 == 0)
            {
                await store.ReleaseAsync("leader", grant.Owner, grant.FencingToken);
            }
            else
            {
                // the holder "crashes": its term must expire before the next one
                await using var renewer = bed.OpenClient();
                (await renewer.TryRenewAsync("leader", grant.Owner, grant.FencingToken, bed.ShortTtl)).Should().NotBeNull();
                bed.Pass(bed.ShortTtl);
                await Eventually(async () => (await renewer.ReadAsync("leader")).Holder is null ? "expired" : null);
            }
        }

        seen.Should().Equal(1, 2, 3, 4);
    }

    /// <summary>Polls <paramref name="attempt"/> until it gives a value, failing after the deadline.</summary>
    private static async Task<T> Eventually<T>(Func<Task<T?>> attempt) where T : class
    {
        using var timeout = new CancellationTokenSource(Deadline);
        while (true)
        {
            if (await attempt() is { } value)
            {
                return value;
            }

            timeout.IsCancellationRequested.Should().BeFalse($"the condition should hold within {Deadline}");
            await Task.Delay(20, CancellationToken.None);
        }
    }
}
