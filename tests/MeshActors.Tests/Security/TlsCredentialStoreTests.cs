using MeshActors.Security;

using Microsoft.Extensions.Logging;

namespace MeshActors.Tests.Security;

public sealed class TlsCredentialStoreTests : IDisposable
{
    private readonly string _dir = TestPki.TempDir();
    private readonly FixedTimeProvider _clock = TestPki.Clock();
    private readonly CapturingLoggerProvider _logs = new();
    private int _touches;

    public TlsCredentialStoreTests()
    {
        File.WriteAllText(CaPath, TestPki.Alpha.Certificate.ExportCertificatePem());
        Write(TestPki.Node(TestPki.Alpha, "alpha", "n1"));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string CaPath => Path.Combine(_dir, "ca.crt");

    private string CertPath => Path.Combine(_dir, "node.crt");

    private string KeyPath => Path.Combine(_dir, "node.key");

    [Fact]
    public void The_first_load_gives_the_node_certificate_and_the_trusted_cas()
    {
        var store = NewStore();

        var current = store.Current;

        current.NodeCertificate.Subject.Should().Be("CN=n1");
        current.NodeCertificate.HasPrivateKey.Should().BeTrue();
        current.TrustedCas.Select(c => c.Subject).Should().Equal("CN=MeshActors CA alpha");
        current.Fingerprint.Should().Be(PublicKeyFingerprint.Of(current.NodeCertificate));
        store.Version.Should().Be(1);
    }

    [Fact]
    public void A_missing_file_at_start_is_named()
    {
        File.Delete(KeyPath);

        var act = NewStore;

        act.Should().Throw<CertificateFileException>().Where(e => e.FilePath == KeyPath);
    }

    [Fact]
    public void Rotated_files_are_picked_up_after_the_check_interval()
    {
        var store = NewStore();
        var first = store.Current;
        TlsCredentials? announced = null;
        store.Changed += (_, c) => announced = c;

        Write(TestPki.Node(TestPki.Alpha, "alpha", "n1-renewed"));
        _clock.Advance(TimeSpan.FromMilliseconds(999));
        store.Current.Should().BeSameAs(first, "the files are looked at most once per second");

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        var second = store.Current;

        second.NodeCertificate.Subject.Should().Be("CN=n1-renewed");
        second.Fingerprint.Should().NotBe(first.Fingerprint);
        store.Version.Should().Be(2);
        announced.Should().BeSameAs(second);
        _logs.Entries.Should().ContainSingle(e => e.EventId == 4901 && e.Level == LogLevel.Information)
            .Which.Message.Should().Contain("CN=n1-renewed").And.Contain(CertPath);
    }

    [Fact]
    public void Unchanged_files_are_not_loaded_again()
    {
        var store = NewStore();
        var first = store.Current;

        _clock.Advance(TimeSpan.FromMinutes(5));

        store.Current.Should().BeSameAs(first);
        store.Version.Should().Be(1);
        _logs.Entries.Should().BeEmpty();
    }

    [Fact]
    public void A_half_written_certificate_keeps_the_old_credentials_and_logs_a_warning_naming_it()
    {
        var store = NewStore();
        var first = store.Current;
        var text = File.ReadAllText(CertPath);

        Touch(CertPath, text[..(text.Length / 2)]);
        _clock.Advance(TimeSpan.FromSeconds(1));

        store.Current.Should().BeSameAs(first);
        store.Version.Should().Be(1);
        var warning = _logs.Entries.Should().ContainSingle(e => e.EventId == 4902).Subject;
        warning.Level.Should().Be(LogLevel.Warning);
        warning.Message.Should().Contain(CertPath).And.Contain(first.Fingerprint);

        _clock.Advance(TimeSpan.FromSeconds(1));
        store.Current.Should().BeSameAs(first);
        _logs.Entries.Should().ContainSingle(e => e.EventId == 4902, "an unchanged broken file is not reported again");

        Write(TestPki.Node(TestPki.Alpha, "alpha", "n1-fixed"));
        _clock.Advance(TimeSpan.FromSeconds(1));
        store.Current.NodeCertificate.Subject.Should().Be("CN=n1-fixed");
    }

    [Fact]
    public void A_certificate_whose_key_was_not_replaced_yet_keeps_the_old_credentials()
    {
        var store = NewStore();
        var first = store.Current;

        Touch(CertPath, TestPki.Node(TestPki.Alpha, "alpha", "n2").ExportCertificatePem());
        _clock.Advance(TimeSpan.FromSeconds(1));

        store.Current.Should().BeSameAs(first);
        _logs.Entries.Should().ContainSingle(e => e.EventId == 4902).Which.Message.Should().Contain(KeyPath + ": is not the private key");
    }

    [Fact]
    public void A_bundle_of_two_cas_trusts_certificates_of_both()
    {
        using var newCa = TestPki.NewCa("alpha");
        var store = NewStore();

        Touch(CaPath, TestPki.Alpha.Certificate.ExportCertificatePem() + "\n" + newCa.Certificate.ExportCertificatePem());
        _clock.Advance(TimeSpan.FromSeconds(1));
        var validator = new PeerCertificateValidator(store.Current.TrustedCas, _clock);

        store.Current.TrustedCas.Should().HaveCount(2);
        using var oldNode = TestPki.Node(TestPki.Alpha, "alpha", "old-ca-node");
        using var newNode = TestPki.Node(newCa, "alpha", "new-ca-node");
        validator.Check(oldNode, null, "alpha", null).Problem.Should().Be(CertificateProblem.None);
        validator.Check(newNode, null, "alpha", null).Problem.Should().Be(CertificateProblem.None);
        validator.Check(TestPki.Node(TestPki.Rogue, "alpha", "x"), null, "alpha", null).Problem.Should().Be(CertificateProblem.Untrusted);
    }

    [Fact]
    public void A_node_certificate_in_place_of_the_ca_bundle_is_refused()
    {
        File.Copy(CertPath, CaPath, overwrite: true);

        var act = NewStore;

        act.Should().Throw<CertificateFileException>().Where(e => e.FilePath == CaPath).WithMessage("*CN=n1*not a CA certificate*");
    }

    private TlsCredentialStore NewStore() =>
        new(CaPath, CertPath, KeyPath, _clock, _logs.CreateLogger("tls"));

    /// <summary>Writes the node files, each with a last-write time of its own so the change is seen however fast the test runs.</summary>
    private void Write(System.Security.Cryptography.X509Certificates.X509Certificate2 node)
    {
        using (node)
        {
            NodeCertificateIssuer.SaveNode(node, _dir);
        }

        Touch(KeyPath, null);
        Touch(CertPath, null);
    }

    private void Touch(string path, string? content)
    {
        if (content is not null)
        {
            File.WriteAllText(path, content);
        }

        File.SetLastWriteTimeUtc(path, new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(++_touches));
    }
}
