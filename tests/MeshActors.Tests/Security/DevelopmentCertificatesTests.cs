using MeshActors.Security;

namespace MeshActors.Tests.Security;

public sealed class DevelopmentCertificatesTests : IDisposable
{
    private readonly string _dataDir = TestPki.TempDir();
    private readonly FixedTimeProvider _clock = TestPki.Clock();

    public void Dispose() => Directory.Delete(_dataDir, recursive: true);

    [Fact]
    public void The_first_call_creates_a_ca_and_a_valid_node_certificate_under_dev_tls()
    {
        var (caPath, certPath, keyPath) = DevelopmentCertificates.Ensure(_dataDir, "alpha", "n1", _clock);

        Path.GetDirectoryName(caPath).Should().Be(Path.Combine(_dataDir, "dev-tls"));
        (Path.GetFileName(caPath), Path.GetFileName(certPath), Path.GetFileName(keyPath)).Should().Be(("ca.crt", "node.crt", "node.key"));
        var check = Check(caPath, certPath, keyPath, "alpha");
        (check.Problem, check.NodeId).Should().Be((CertificateProblem.None, "n1"));
        using var ca = CertificateAuthority.Load(Path.GetDirectoryName(caPath)!);
        Days(ca.Certificate.NotAfter - ca.Certificate.NotBefore).Should().Be(3650);
        using var node = NodeCredentials.Load(certPath, keyPath);
        Days(node.NotAfter - node.NotBefore).Should().Be(365);
    }

    [Fact]
    public void A_second_call_changes_nothing()
    {
        var paths = DevelopmentCertificates.Ensure(_dataDir, "alpha", "n1", _clock);
        var before = Snapshot(paths);
        _clock.Advance(TimeSpan.FromDays(300));

        DevelopmentCertificates.Ensure(_dataDir, "alpha", "n1", _clock).Should().Be(paths);

        Snapshot(paths).Should().Equal(before);
    }

    [Fact]
    public void Another_node_id_gets_a_new_node_certificate_from_the_same_ca()
    {
        var paths = DevelopmentCertificates.Ensure(_dataDir, "alpha", "n1", _clock);
        var ca = File.ReadAllText(paths.CaPath);

        DevelopmentCertificates.Ensure(_dataDir, "alpha", "n2", _clock);

        File.ReadAllText(paths.CaPath).Should().Be(ca);
        Check(paths.CaPath, paths.CertPath, paths.KeyPath, "alpha").NodeId.Should().Be("n2");
    }

    [Fact]
    public void A_node_certificate_expiring_within_seven_days_is_renewed()
    {
        var paths = DevelopmentCertificates.Ensure(_dataDir, "alpha", "n1", _clock);
        var first = File.ReadAllText(paths.CertPath);

        _clock.Advance(TimeSpan.FromDays(357));
        DevelopmentCertificates.Ensure(_dataDir, "alpha", "n1", _clock);
        File.ReadAllText(paths.CertPath).Should().Be(first, "almost 8 days are left");

        _clock.Advance(TimeSpan.FromDays(1));
        DevelopmentCertificates.Ensure(_dataDir, "alpha", "n1", _clock);
        File.ReadAllText(paths.CertPath).Should().NotBe(first, "less than 7 days were left");

        var renewed = File.ReadAllText(paths.CertPath);
        DevelopmentCertificates.Ensure(_dataDir, "alpha", "n1", _clock);
        File.ReadAllText(paths.CertPath).Should().Be(renewed);
        Check(paths.CaPath, paths.CertPath, paths.KeyPath, "alpha").IsValid.Should().BeTrue();
    }

    [Fact]
    public void Another_cluster_gets_a_new_ca()
    {
        var paths = DevelopmentCertificates.Ensure(_dataDir, "alpha", "n1", _clock);
        var ca = File.ReadAllText(paths.CaPath);

        DevelopmentCertificates.Ensure(_dataDir, "beta", "n1", _clock);

        File.ReadAllText(paths.CaPath).Should().NotBe(ca);
        Check(paths.CaPath, paths.CertPath, paths.KeyPath, "beta").IsValid.Should().BeTrue();
    }

    [Fact]
    public void A_corrupt_node_certificate_is_replaced()
    {
        var paths = DevelopmentCertificates.Ensure(_dataDir, "alpha", "n1", _clock);
        File.WriteAllText(paths.CertPath, "garbage");

        DevelopmentCertificates.Ensure(_dataDir, "alpha", "n1", _clock);

        Check(paths.CaPath, paths.CertPath, paths.KeyPath, "alpha").IsValid.Should().BeTrue();
    }

    [Fact]
    public void A_corrupt_ca_is_reported_not_silently_replaced()
    {
        var paths = DevelopmentCertificates.Ensure(_dataDir, "alpha", "n1", _clock);
        File.WriteAllText(paths.CaPath, "garbage");

        var act = () => DevelopmentCertificates.Ensure(_dataDir, "alpha", "n1", _clock);

        act.Should().Throw<CertificateFileException>().Where(e => e.FilePath == paths.CaPath);
    }

    private CertificateCheckResult Check(string caPath, string certPath, string keyPath, string clusterId)
    {
        using var ca = NodeCredentials.Load(caPath, Path.Combine(Path.GetDirectoryName(caPath)!, "ca.key"));
        using var node = NodeCredentials.Load(certPath, keyPath);
        return new PeerCertificateValidator([ca], _clock).Check(node, null, clusterId, null);
    }

    private static int Days(TimeSpan span) => (int)Math.Round(span.TotalDays);

    private static byte[] Snapshot((string CaPath, string CertPath, string KeyPath) paths) =>
        [.. File.ReadAllBytes(paths.CaPath), .. File.ReadAllBytes(paths.CertPath), .. File.ReadAllBytes(paths.KeyPath)];
}
