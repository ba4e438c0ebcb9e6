using System.Net;
using System.Text.Json.Nodes;
using MeshActors.Security;
using MeshActors.Tests.Hosting;

namespace MeshActors.Tests.Control;

/// <summary>
/// A real node's control server serves <c>/control/views</c> from <c>MeshNode.Views</c>: 503 until
/// views are published (or already 200 once a view manager runs), then what was published.
/// </summary>
public sealed class ControlServerViewsTests : EmbeddedClusterTest
{
    [Fact]
    public async Task A_nodes_control_server_serves_its_published_views()
    {
        using var ca = CertificateAuthority.Create(EmbeddedNode.Cluster, TimeProvider.System, TimeSpan.FromDays(1));
        var port = EmbeddedNode.FreePort();
        Nodes.Add(await EmbeddedNode.StartAsync("views-1", port, port, EmbeddedNode.TlsHocon(ca, Dir, "views-1"), Path.Combine(Dir, "d1")));
        var mesh = Nodes[0].Mesh;
        await Until("the control server listens", () => mesh.ControlAddress is not null);
        using var http = new HttpClient { BaseAddress = mesh.ControlAddress, Timeout = TimeSpan.FromSeconds(10) };

        using (var first = await http.GetAsync("/control/views"))
        {
            first.StatusCode.Should().Be(mesh.Views.Current is null ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK);
        }

        mesh.Views.Publish(ViewSnapshots.Sample());
        using var after = await http.GetAsync("/control/views");
        after.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = JsonNode.Parse(await after.Content.ReadAsStringAsync())!;
        body["self"]!["nodeId"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        body["limits"]!["activeHigh"].Should().NotBeNull();
        body["version"]!.GetValue<long>().Should().BePositive();
    }
}
