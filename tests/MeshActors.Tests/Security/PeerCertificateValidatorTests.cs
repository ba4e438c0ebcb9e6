using System.Security.Cryptography.X509Certificates;
using MeshActors.Security;

namespace MeshActors.Tests.Security;

public sealed class PeerCertificateValidatorTests
{
    private static readonly Lazy<X509Certificate2> AlphaNode = new(() => TestPki.Node(TestPki.Alpha, "alpha", "n1"));

    /// <summary>One row per scenario: real certificates, a fixed clock, and the problem expected.</summary>
    private static readonly Dictionary<string, Func<Scenario>> Scenarios = new()
    {
        ["valid, one trusted CA"] = () => new([TestPki.Alpha], AlphaNode.Value, "alpha", null, CertificateProblem.None),
        ["valid, signed by the old CA while old and new are trusted"] = () =>
            new([TestPki.Rogue, TestPki.Alpha], AlphaNode.Value, "alpha", null, CertificateProblem.None),
        ["valid, signed by the new CA while old and new are trusted"] = () =>
            new([TestPki.Alpha, TestPki.Rogue], TestPki.Node(TestPki.Rogue, "alpha", "n2"), "alpha", null, CertificateProblem.None),
        ["valid, pinned key matches"] = () =>
            new([TestPki.Alpha], AlphaNode.Value, "alpha", PublicKeyFingerprint.Of(AlphaNode.Value).ToUpperInvariant().Replace("SHA256:", "sha256:"), CertificateProblem.None),
        ["no certificate presented"] = () => new([TestPki.Alpha], null, "alpha", null, CertificateProblem.Missing),
        ["signed by a CA that is not trusted"] = () =>
            new([TestPki.Alpha], TestPki.Node(TestPki.Rogue, "alpha", "n3"), "alpha", null, CertificateProblem.Untrusted),
        ["a self-signed leaf listed as trusted"] = () =>
            Scenario.WithTrusted(TestPki.SelfSignedLeaf("alpha", "n4"), "alpha", CertificateProblem.Untrusted),
        ["expired ten days ago"] = () =>
            new([TestPki.Alpha], TestPki.Node(TestPki.Alpha, "alpha", "n5", TestPki.Now - TimeSpan.FromDays(40), TimeSpan.FromDays(30)), "alpha", null, CertificateProblem.Expired),
        ["expired and signed by an untrusted CA: expiry is reported"] = () =>
            new([TestPki.Alpha], TestPki.Node(TestPki.Rogue, "alpha", "n6", TestPki.Now - TimeSpan.FromDays(40), TimeSpan.FromDays(30)), "alpha", null, CertificateProblem.Expired),
        ["valid only from tomorrow"] = () =>
            new([TestPki.Alpha], TestPki.Node(TestPki.Alpha, "alpha", "n7", TestPki.Now + TimeSpan.FromDays(1)), "alpha", null, CertificateProblem.NotYetValid),
        ["no identity URI"] = () => new([TestPki.Alpha], TestPki.WithoutIdentity(TestPki.Alpha, "plain"), "alpha", null, CertificateProblem.NoIdentity),
        ["a node of another cluster, its CA trusted too"] = () =>
            new([TestPki.Alpha, TestPki.Beta], TestPki.Node(TestPki.Beta, "beta", "b1"), "alpha", null, CertificateProblem.OtherCluster),
        ["pinned key differs"] = () =>
            new([TestPki.Alpha], AlphaNode.Value, "alpha", PublicKeyFingerprint.Of(TestPki.Alpha.Certificate), CertificateProblem.PinnedKeyMismatch),
    };

    public static TheoryData<string> ScenarioNames => [.. Scenarios.Keys];

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void Check_reports_the_first_problem_found(string name)
    {
        var scenario = Scenarios[name]();
        var validator = new PeerCertificateValidator(scenario.Trusted, TestPki.Clock());

        var result = validator.Check(scenario.Presented, null, scenario.ExpectedCluster, scenario.Pin);

        result.Problem.Should().Be(scenario.Expected, result.Detail);
        result.IsValid.Should().Be(scenario.Expected == CertificateProblem.None);
        result.Detail.Should().NotBeNullOrWhiteSpace();
        if (scenario.Presented is not null)
        {
            result.Detail.Should().Contain(scenario.Presented.Subject);
            result.Fingerprint.Should().Be(PublicKeyFingerprint.Of(scenario.Presented));
        }
    }

    [Fact]
    public void Every_problem_has_a_row()
    {
        var covered = Scenarios.Values.Select(s => s().Expected).ToHashSet();

        covered.Should().BeEquivalentTo(Enum.GetValues<CertificateProblem>());
    }

    [Fact]
    public void A_valid_certificate_reports_its_identity()
    {
        var result = new PeerCertificateValidator([TestPki.Alpha.Certificate], TestPki.Clock()).Check(AlphaNode.Value, [TestPki.Alpha.Certificate], "alpha", null);

        result.Should().BeEquivalentTo(new { Problem = CertificateProblem.None, ClusterId = "alpha", NodeId = "n1", IsValid = true });
    }

    [Fact]
    public void Expiry_detail_names_the_subject_and_both_dates()
    {
        using var expired = TestPki.Node(TestPki.Alpha, "alpha", "old", TestPki.Now - TimeSpan.FromDays(40), TimeSpan.FromDays(30));

        var result = new PeerCertificateValidator([TestPki.Alpha.Certificate], TestPki.Clock()).Check(expired, null, "alpha", null);

        result.Detail.Should().Contain("CN=old").And.Contain("2030-05-22 12:00:00 UTC").And.Contain("2030-06-01 12:00:00 UTC");
        result.NodeId.Should().Be("old");
    }

    [Fact]
    public void Other_cluster_detail_names_expected_and_found()
    {
        using var beta = TestPki.Node(TestPki.Beta, "beta", "b2");

        var result = new PeerCertificateValidator([TestPki.Beta.Certificate], TestPki.Clock()).Check(beta, null, "alpha", null);

        result.Problem.Should().Be(CertificateProblem.OtherCluster);
        result.Detail.Should().Contain("\"beta\"").And.Contain("expected \"alpha\"");
        result.ClusterId.Should().Be("beta");
    }

    [Fact]
    public void Untrusted_detail_names_the_issuer_and_the_trusted_cas()
    {
        using var rogue = TestPki.Node(TestPki.Rogue, "alpha", "r1");

        var result = new PeerCertificateValidator([TestPki.Beta.Certificate], TestPki.Clock()).Check(rogue, null, "alpha", null);

        result.Problem.Should().Be(CertificateProblem.Untrusted);
        result.Detail.Should().Contain("CN=MeshActors CA alpha").And.Contain("CN=MeshActors CA beta");
    }

    [Fact]
    public void The_chain_is_checked_at_the_injected_time()
    {
        var clock = TestPki.Clock();
        var validator = new PeerCertificateValidator([TestPki.Alpha.Certificate], clock);
        validator.Check(AlphaNode.Value, null, "alpha", null).Problem.Should().Be(CertificateProblem.None);

        clock.Advance(TimeSpan.FromDays(366));

        validator.Check(AlphaNode.Value, null, "alpha", null).Problem.Should().Be(CertificateProblem.Expired);
    }

    [Fact]
    public void Intermediates_sent_by_the_peer_complete_the_chain()
    {
        var (intermediate, node) = TestPki.ThroughIntermediate(TestPki.Alpha, "alpha", "deep");
        var validator = new PeerCertificateValidator([TestPki.Alpha.Certificate], TestPki.Clock());

        validator.Check(node, [node, intermediate], "alpha", null).Problem.Should().Be(CertificateProblem.None);
        validator.Check(node, null, "alpha", null).Problem.Should().Be(CertificateProblem.Untrusted, "without the intermediate there is no path");
    }

    [Fact]
    public void A_malformed_pin_is_a_caller_error()
    {
        var act = () => new PeerCertificateValidator([TestPki.Alpha.Certificate], TestPki.Clock()).Check(AlphaNode.Value, null, "alpha", "md5:abc");

        act.Should().Throw<FormatException>().WithMessage("*sha256:*");
    }

    [Fact]
    public void An_empty_trust_list_is_refused()
    {
        var act = () => new PeerCertificateValidator([], TestPki.Clock());

        act.Should().Throw<ArgumentException>().WithMessage("*trusted CA*");
    }

    private sealed record Scenario(IReadOnlyList<X509Certificate2> Trusted, X509Certificate2? Presented, string ExpectedCluster, string? Pin, CertificateProblem Expected)
    {
        public Scenario(CertificateAuthority[] trusted, X509Certificate2? presented, string expectedCluster, string? pin, CertificateProblem expected)
            : this([.. trusted.Select(c => c.Certificate)], presented, expectedCluster, pin, expected)
        {
        }

        public static Scenario WithTrusted(X509Certificate2 presentedAndTrusted, string expectedCluster, CertificateProblem expected) =>
            new([presentedAndTrusted], presentedAndTrusted, expectedCluster, null, expected);
    }
}
