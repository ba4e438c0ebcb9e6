using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Akka.Actor;
using MeshActors.Events.Delivery;
using MeshActors.Security;
using MeshActors.Tests.Hosting;
using MeshActors.Views.Overlay;

namespace MeshActors.Tests.Events.Delivery;

/// <summary>
/// The event plane inside real nodes (<c>WithMeshActors()</c>, mutual TLS from a test CA):
/// <c>POST /control/events</c> refuses bad input naming the field, a publish comes back on
/// <c>GET /control/events/stream</c>, and two nodes linked by hand carry an event signed with one
/// node's cluster certificate and verified against the CA by the other.
/// </summary>
public sealed class EventEndpointTests : EmbeddedClusterTest
{
    private static readonly string Settings = "events { max-payload-bytes = 16, allowed-topics = [\"infrastructure.#\", \"status.*\"] }";

    [Theory]
    [InlineData("not json", "the body is not JSON")]
    [InlineData("[1, 2]", "must be a JSON object")]
    [InlineData("{\"data\": \"x\"}", "field 'topic' is missing")]
    [InlineData("{\"topic\": \"bad topic\"}", "field 'topic': \"bad topic\" is not a topic name")]
    [InlineData("{\"topic\": \"billing.invoice\"}", "meshactors.events.allowed-topics")]
    [InlineData("{\"topic\": \"status.up\", \"data\": \"seventeen bytes!!\"}", "field 'data': the payload has 17 bytes, more than meshactors.events.max-payload-bytes (16)")]
    [InlineData("{\"topic\": \"status.up\", \"dataBase64\": \"%%%\"}", "field 'dataBase64' is not valid base64")]
    [InlineData("{\"topic\": \"status.up\", \"data\": \"a\", \"dataBase64\": \"YQ==\"}", "both given")]
    [InlineData("{\"topic\": \"status.up\", \"data\": 5}", "field 'data' must be a string")]
    public async Task Bad_input_is_refused_with_400_naming_the_field_and_publishes_nothing(string body, string expected)
    {
        var node = await StartAsync("ev-1");
        using var http = new HttpClient { BaseAddress = node.Mesh.ControlAddress };

        var response = await http.PostAsync("/control/events", new StringContent(body, Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString().Should().Contain(expected);
        var stream = await http.GetAsync("/control/events/stream?pattern=a.%23.b");
        stream.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await stream.Content.ReadAsStringAsync()).Should().Contain("query 'pattern'");
    }

    [Fact]
    public async Task A_publish_comes_back_on_the_stream_of_the_same_node()
    {
        var node = await StartAsync("ev-1");
        using var http = new HttpClient { BaseAddress = node.Mesh.ControlAddress };
        using var cancel = new CancellationTokenSource(Deadline);
        using var stream = await http.GetAsync("/control/events/stream?pattern=infrastructure.%23", HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync(cancel.Token));
        (await NextEventAsync(reader, cancel.Token)).Type.Should().Be("subscribed");

        var publish = await http.PostAsJsonAsync("/control/events", new { topic = "infrastructure.disk", data = "sda1 97%" }, cancel.Token);
        publish.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var id = (await publish.Content.ReadFromJsonAsync<JsonElement>(cancel.Token)).GetProperty("id").GetString();

        var (type, data) = await NextEventAsync(reader, cancel.Token);
        type.Should().Be("event");
        var received = JsonDocument.Parse(data).RootElement;
        received.GetProperty("id").GetString().Should().Be(id);
        received.GetProperty("topic").GetString().Should().Be("infrastructure.disk");
        received.GetProperty("source").GetString().Should().Be("ev-1");
        received.GetProperty("data").GetString().Should().Be("sda1 97%");
        received.GetProperty("local").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task Two_nodes_linked_by_hand_carry_an_event_signed_with_the_cluster_certificate_over_mutual_tls()
    {
        using var ca = CertificateAuthority.Create(EmbeddedNode.Cluster, TimeProvider.System, TimeSpan.FromDays(1));
        var one = await StartAsync("ev-1", ca);
        var two = await StartAsync("ev-2", ca, seedPort: one.Port);
        using var cancel = new CancellationTokenSource(Deadline);
        var atTwo = two.Mesh.Events.Subscribe("status.*", cancel.Token).GetAsyncEnumerator(cancel.Token);
        var (peerOne, peerTwo) = (Peer(one), Peer(two));
        one.System.ActorSelection("/user/mesh/events").Tell(new OverlayLinkUp(peerTwo));
        two.System.ActorSelection("/user/mesh/events").Tell(new OverlayLinkUp(peerOne));

        var id = one.Mesh.Events.Publish("status.up", "ev-1 is up");

        (await atTwo.MoveNextAsync()).Should().BeTrue();
        atTwo.Current.Id.Should().Be(id);
        atTwo.Current.Source.Should().Be("ev-1");
        Encoding.UTF8.GetString(atTwo.Current.Payload.Span).Should().Be("ev-1 is up");
        await atTwo.DisposeAsync();
    }

    private static OverlayPeer Peer(EmbeddedNode node) => new(node.Mesh.NodeId, ((ExtendedActorSystem)node.System).Provider.DefaultAddress.ToString());

    private async Task<EmbeddedNode> StartAsync(string nodeId, CertificateAuthority? ca = null, int? seedPort = null)
    {
        using var own = ca is null ? CertificateAuthority.Create(EmbeddedNode.Cluster, TimeProvider.System, TimeSpan.FromDays(1)) : null;
        var port = EmbeddedNode.FreePort();
        var node = await EmbeddedNode.StartAsync(nodeId, port, seedPort ?? port, EmbeddedNode.TlsHocon(ca ?? own!, Dir, nodeId) + "\n" + Settings, Path.Combine(Dir, nodeId));
        Nodes.Add(node);
        await Until($"{nodeId}'s event plane starts", () => node.System.ActorSelection("/user/mesh/events").ResolveOne(TimeSpan.FromSeconds(1)).ContinueWith(t => t.IsCompletedSuccessfully));
        return node;
    }

    private static async Task<(string Type, string Data)> NextEventAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        string? type = null;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                type = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && type is not null)
            {
                return (type, line["data: ".Length..]);
            }
        }

        throw new InvalidOperationException("the stream ended");
    }
}
