using MeshActors.Discovery;
using MeshActors.Tests.Discovery.Fixtures;
using Microsoft.AspNetCore.Http;

namespace MeshActors.Tests.Discovery.Http;

public sealed class HttpDiscoveryProviderTests
{
    private static CancellationToken Deadline => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    [Fact]
    public async Task A_304_reuses_the_last_list_and_a_changed_etag_replaces_it()
    {
        await using var bed = await HttpTestbed.StartAsync();
        var version = "\"v1\"";
        var body = """["10.0.0.1:7946"]""";
        bed.Server.Respond(async context =>
        {
            if (context.Request.Headers.IfNoneMatch.ToString() == version)
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }

            context.Response.Headers.ETag = version;
            await context.Response.WriteAsync(body);
        });
        var provider = bed.Provider();

        var first = await provider.DiscoverAsync(Deadline);
        var unchanged = await provider.DiscoverAsync(Deadline);
        (version, body) = ("\"v2\"", """["10.0.0.2:7946","10.0.0.3:7946"]""");
        var changed = await provider.DiscoverAsync(Deadline);

        first.ContactPoints.Select(c => c.Address).Should().Equal(new NodeAddress("10.0.0.1", 7946));
        unchanged.ContactPoints.Should().Equal(first.ContactPoints);
        changed.ContactPoints.Select(c => c.Address).Should().Equal(new NodeAddress("10.0.0.2", 7946), new NodeAddress("10.0.0.3", 7946));
        bed.Server.Requests.Select(r => r.Headers.GetValueOrDefault("If-None-Match")).Should().Equal(null, "\"v1\"", "\"v1\"");
    }

    [Fact]
    public async Task A_bad_entry_names_its_index_and_text()
    {
        await using var bed = await HttpTestbed.StartAsync();
        bed.Server.Respond(200, """{"seeds":["10.0.0.1:7946","10.0.0.2"]}""");

        var act = () => bed.Provider().DiscoverAsync(Deadline);

        (await act.Should().ThrowAsync<DiscoveryException>()).Which.Message.Should().StartWith("http: ").And.Contain("entry 1 (\"10.0.0.2\")");
    }

    [Theory]
    [InlineData(404)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task A_non_2xx_answer_names_the_status_and_the_url_setting(int status)
    {
        await using var bed = await HttpTestbed.StartAsync();
        bed.Server.Respond(status, "nope");

        var act = () => bed.Provider().DiscoverAsync(Deadline);

        (await act.Should().ThrowAsync<DiscoveryException>()).Which.Message.Should().Contain($"answered {status}").And.Contain("\"nope\"").And.Contain("meshactors.discovery.http.url");
    }

    [Fact]
    public async Task A_server_that_never_answers_times_out_naming_the_timeout_setting()
    {
        await using var bed = await HttpTestbed.StartAsync();
        bed.Server.Respond(context => Task.Delay(Timeout.Infinite, context.RequestAborted));

        var act = () => bed.Provider(o => o with { Timeout = TimeSpan.FromMilliseconds(300) }).DiscoverAsync(Deadline);

        (await act.Should().ThrowAsync<DiscoveryException>()).Which.Message.Should().Contain("did not answer within 0.3 s").And.Contain("meshactors.discovery.http.timeout");
    }

    [Fact]
    public async Task A_closed_port_says_the_connection_failed()
    {
        await using var bed = await HttpTestbed.StartAsync();

        var act = () => bed.Provider(o => o with { Url = $"https://127.0.0.1:{ClosedPort.Find()}/seeds" }).DiscoverAsync(Deadline);

        (await act.Should().ThrowAsync<DiscoveryException>()).Which.Message.Should().Contain("connection failed");
    }

    [Fact]
    public async Task Without_the_private_ca_the_tls_failure_names_the_ca_setting()
    {
        await using var bed = await HttpTestbed.StartAsync();

        var act = () => bed.Provider(o => o with { Ca = "" }).DiscoverAsync(Deadline);

        (await act.Should().ThrowAsync<DiscoveryException>()).Which.Message.Should().Contain("meshactors.discovery.http.ca");
    }

    [Fact]
    public async Task A_missing_ca_file_names_the_ca_setting()
    {
        await using var bed = await HttpTestbed.StartAsync();

        var act = () => bed.Provider(o => o with { Ca = "/nonexistent/ca.pem" }).DiscoverAsync(Deadline);

        (await act.Should().ThrowAsync<DiscoveryException>()).Which.Message.Should().Contain("/nonexistent/ca.pem").And.Contain("meshactors.discovery.http.ca");
    }
}
