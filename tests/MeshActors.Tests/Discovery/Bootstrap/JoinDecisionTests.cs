using MeshActors.Discovery.Bootstrap;
using MeshActors.Transport;

namespace MeshActors.Tests.Discovery.Bootstrap;

public sealed class JoinDecisionTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);

    private static readonly BootstrapOptions Options = new()
    {
        RequiredContactPoints = 3,
        StableMargin = TimeSpan.FromSeconds(3),
        ProbeInterval = TimeSpan.FromMilliseconds(500),
        ProbeTimeout = TimeSpan.FromSeconds(2),
        ProbeJitter = TimeSpan.Zero,
        BackoffMin = TimeSpan.FromMilliseconds(200),
        BackoffMax = TimeSpan.FromSeconds(10),
        EnoughPeers = 3,
        FormNewCluster = true,
        HealInterval = TimeSpan.FromSeconds(30),
    };

    private static ContactAnswer Seeking(string id, string address) => new(id, NodeAddress.Parse(address), false, [], "dns");

    private static ContactAnswer InCluster(string id, string address, params string[] seeds) =>
        new(id, NodeAddress.Parse(address), true, [NodeAddress.Parse(address), .. seeds.Select(NodeAddress.Parse)], "dns");

    private static BootstrapView View(string self, params ContactAnswer[] answers) => new()
    {
        SelfId = "self",
        SelfAddress = NodeAddress.Parse(self),
        Answers = answers,
        SeenSince = T0,
        ContactPoints = answers.Length,
        DiscoveryConfigured = true,
        FirstRunsDone = true,
    };

    public static TheoryData<string, BootstrapView, BootstrapOptions, TimeSpan, BootstrapVerdictKind> Cases => new()
    {
        { "a joined contact wins over everything", View("10.0.0.1:7946", InCluster("b", "10.0.0.9:7946")) with { FirstRunsDone = false }, Options, TimeSpan.Zero, BootstrapVerdictKind.Join },
        { "nothing configured, nothing found: form alone", View("10.0.0.5:7946") with { DiscoveryConfigured = false }, Options, TimeSpan.Zero, BootstrapVerdictKind.Form },
        { "nothing configured but providers not done", View("10.0.0.5:7946") with { DiscoveryConfigured = false, FirstRunsDone = false }, Options, TimeSpan.Zero, BootstrapVerdictKind.Wait },
        { "discovery configured, nothing found: wait", View("10.0.0.5:7946"), Options, TimeSpan.FromMinutes(5), BootstrapVerdictKind.Wait },
        { "too few seen", View("10.0.0.1:7946", Seeking("b", "10.0.0.2:7946")), Options, TimeSpan.FromMinutes(5), BootstrapVerdictKind.Wait },
        { "enough seen but not stable", View("10.0.0.1:7946", Seeking("b", "10.0.0.2:7946"), Seeking("c", "10.0.0.3:7946")), Options, TimeSpan.FromSeconds(2.9), BootstrapVerdictKind.Wait },
        { "enough seen, stable, lowest: form", View("10.0.0.1:7946", Seeking("b", "10.0.0.2:7946"), Seeking("c", "10.0.0.3:7946")), Options, TimeSpan.FromSeconds(3), BootstrapVerdictKind.Form },
        { "enough seen, stable, not lowest: wait for it", View("10.0.0.2:7946", Seeking("a", "10.0.0.1:7946"), Seeking("c", "10.0.0.3:7946")), Options, TimeSpan.FromSeconds(10), BootstrapVerdictKind.Wait },
        { "numeric, not textual, order: .10 is above .9", View("10.0.0.9:7946", Seeking("b", "10.0.0.10:7946"), Seeking("c", "10.0.0.11:7946")), Options, TimeSpan.FromSeconds(10), BootstrapVerdictKind.Form },
        { "same host: lower port forms", View("127.0.0.1:7000", Seeking("b", "127.0.0.1:7001"), Seeking("c", "127.0.0.1:6999")), Options, TimeSpan.FromSeconds(10), BootstrapVerdictKind.Wait },
        { "form-new-cluster off never forms", View("10.0.0.1:7946", Seeking("b", "10.0.0.2:7946"), Seeking("c", "10.0.0.3:7946")), Options with { FormNewCluster = false }, TimeSpan.FromMinutes(5), BootstrapVerdictKind.Wait },
        { "one answer reached by two addresses counts once", View("10.0.0.1:7946", Seeking("b", "10.0.0.2:7946"), Seeking("b", "10.0.0.2:7946")), Options, TimeSpan.FromMinutes(5), BootstrapVerdictKind.Wait },
        { "required 1: a lone node with discovery forms after the margin", View("10.0.0.5:7946"), Options with { RequiredContactPoints = 1 }, TimeSpan.FromSeconds(3), BootstrapVerdictKind.Form },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decides(string why, BootstrapView view, BootstrapOptions options, TimeSpan elapsed, BootstrapVerdictKind expected)
    {
        var verdict = JoinDecision.Decide(view, options, T0 + elapsed);

        verdict.Kind.Should().Be(expected, why + " (" + verdict.Reason + ")");
        verdict.Reason.Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public void A_join_goes_through_every_joined_contact_and_their_members_without_this_node()
    {
        var view = View(
            "10.0.0.1:7946",
            InCluster("b", "10.0.0.2:7946", "10.0.0.3:7946", "10.0.0.1:7946"),
            Seeking("c", "10.0.0.4:7946"),
            InCluster("d", "10.0.0.5:7946", "10.0.0.2:7946"));

        var verdict = JoinDecision.Decide(view, Options, T0);

        verdict.Seeds.Select(s => s.ToString()).Should().Equal("10.0.0.2:7946", "10.0.0.3:7946", "10.0.0.5:7946");
        verdict.Through!.NodeId.Should().Be("b");
        verdict.Reason.Should().Contain("b at 10.0.0.2:7946").And.Contain("dns");
    }

    [Fact]
    public void Nodes_that_see_the_same_set_agree_on_exactly_one_former()
    {
        var nodes = Enumerable.Range(1, 5).Select(i => (Id: $"n{i}", Address: $"10.0.0.{12 - i}:7946")).ToList();
        var formers = nodes.Where(self =>
        {
            var others = nodes.Where(n => n != self).Select(n => Seeking(n.Id, n.Address)).ToArray();
            var view = View(self.Address, others) with { SelfId = self.Id };
            return JoinDecision.Decide(view, Options, T0 + TimeSpan.FromSeconds(5)).Kind == BootstrapVerdictKind.Form;
        }).ToList();

        formers.Should().ContainSingle().Which.Address.Should().Be("10.0.0.7:7946");
    }
}
