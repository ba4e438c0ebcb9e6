using System.Net;
using System.Text.Json.Nodes;

namespace MeshActors.Tests.Control;

/// <summary>
/// <c>GET /control/views</c>: 503 naming the cause before the view manager has published, then the
/// published snapshot in camelCase with every field the issue lists, <c>?view=</c> keeping one view,
/// and any other <c>view</c> value refused with 400 naming the parameter.
/// </summary>
public sealed class ViewEndpointsTests : IAsyncLifetime
{
    private ViewsHost _host = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _host = await ViewsHost.StartAsync();
        _http = new HttpClient { BaseAddress = _host.Address, Timeout = TimeSpan.FromSeconds(10) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Before_the_view_manager_publishes_the_endpoint_answers_503_with_a_reason()
    {
        var (status, body) = await GetAsync("/control/views");

        status.Should().Be(HttpStatusCode.ServiceUnavailable);
        body["error"]!.GetValue<string>().Should().Contain("not started");
    }

    [Fact]
    public async Task After_a_snapshot_is_published_the_endpoint_shows_it_field_by_field()
    {
        _host.Views.Publish(ViewSnapshots.Sample(version: 7));

        var (status, body) = await GetAsync("/control/views");

        status.Should().Be(HttpStatusCode.OK);
        body["self"]!["nodeId"]!.GetValue<string>().Should().Be("node-1");
        body["self"]!["address"]!.GetValue<string>().Should().Be("akka.ssl.tcp://mesh@10.0.0.1:4053");
        var active = body["active"]!.AsArray();
        active.Select(p => p!["nodeId"]!.GetValue<string>()).Should().Equal("node-2", "node-3");
        active[0]!["address"]!.GetValue<string>().Should().Be("akka.ssl.tcp://mesh@10.0.0.2:4053");
        active[0]!["score"]!.GetValue<double>().Should().Be(0.92);
        active[0]!["rttMs"]!.GetValue<double>().Should().Be(1.5);
        active[0]!["since"]!.GetValue<DateTimeOffset>().Should().Be(ViewSnapshots.Now.AddMinutes(-3).AddSeconds(-12));
        active[1]!.AsObject().Should().ContainKey("rttMs").WhoseValue.Should().BeNull("a peer not pinged yet has no round trip");
        body["passive"]!.AsArray().Select(p => p!["nodeId"]!.GetValue<string>()).Should().Equal("node-4");
        var ban = body["banned"]!.AsArray().Single()!;
        ban["nodeId"]!.GetValue<string>().Should().Be("node-9");
        ban["reason"]!.GetValue<string>().Should().Be("PEX flood");
        ban["until"]!.GetValue<DateTimeOffset>().Should().Be(ViewSnapshots.Now.AddMinutes(10));
        body["limits"]!.AsObject().Select(kv => kv.Key).Should().BeEquivalentTo(
            "activeTarget", "activeLow", "activeHigh", "passiveSize", "maxPeers", "maxPerSubnet", "inboundPerSecond");
        body["limits"]!["activeHigh"]!.GetValue<int>().Should().Be(8);
        body["limits"]!["inboundPerSecond"]!.GetValue<double>().Should().Be(10);
        body["version"]!.GetValue<long>().Should().Be(7);

        _host.Views.Publish(ViewSnapshots.Sample(version: 8));
        (await GetAsync("/control/views")).Body["version"]!.GetValue<long>().Should().Be(8, "each request reads the latest snapshot");
    }

    [Theory]
    [InlineData("active", 2, 0)]
    [InlineData("passive", 0, 1)]
    public async Task The_view_parameter_keeps_one_view(string view, int active, int passive)
    {
        _host.Views.Publish(ViewSnapshots.Sample());

        var (status, body) = await GetAsync("/control/views?view=" + view);

        status.Should().Be(HttpStatusCode.OK);
        body["active"]!.AsArray().Should().HaveCount(active);
        body["passive"]!.AsArray().Should().HaveCount(passive);
        body["limits"].Should().NotBeNull();
    }

    [Fact]
    public async Task Another_view_value_is_refused_naming_the_parameter()
    {
        _host.Views.Publish(ViewSnapshots.Sample());

        var (status, body) = await GetAsync("/control/views?view=banned");

        status.Should().Be(HttpStatusCode.BadRequest);
        body["error"]!.GetValue<string>().Should().Contain("'view'").And.Contain("active").And.Contain("'banned'");
    }

    private async Task<(HttpStatusCode Status, JsonNode Body)> GetAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }
}
