using System.Security.Cryptography.X509Certificates;
using MeshActors.Security;

namespace MeshActors.Tests.Security;

public sealed class PublicKeyFingerprintTests
{
    private const string Sample = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Fact]
    public void Of_is_sha256_prefix_and_64_lowercase_hex_digits()
    {
        using var node = TestPki.Node(TestPki.Alpha, "alpha", "f1");

        PublicKeyFingerprint.Of(node).Should().MatchRegex("^sha256:[0-9a-f]{64}$");
    }

    [Fact]
    public void The_same_certificate_has_the_same_fingerprint_however_it_is_loaded()
    {
        using var node = TestPki.Node(TestPki.Alpha, "alpha", "f2");
        using var reloaded = X509Certificate2.CreateFromPem(node.ExportCertificatePem());
        using var publicOnly = X509CertificateLoader.LoadCertificate(node.RawData);

        PublicKeyFingerprint.Of(reloaded).Should().Be(PublicKeyFingerprint.Of(node)).And.Be(PublicKeyFingerprint.Of(publicOnly));
    }

    [Fact]
    public void Different_keys_have_different_fingerprints()
    {
        using var a = TestPki.Node(TestPki.Alpha, "alpha", "same");
        using var b = TestPki.Node(TestPki.Alpha, "alpha", "same");

        PublicKeyFingerprint.Of(a).Should().NotBe(PublicKeyFingerprint.Of(b));
    }

    [Theory]
    [InlineData(Sample, Sample)]
    [InlineData("  SHA256:0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF ", Sample)]
    [InlineData("sha256:01:23:45:67:89:ab:cd:ef:01:23:45:67:89:ab:cd:ef:01:23:45:67:89:ab:cd:ef:01:23:45:67:89:ab:cd:ef", Sample)]
    public void Parse_accepts_what_users_type_and_returns_the_canonical_form(string text, string expected)
    {
        PublicKeyFingerprint.IsValid(text).Should().BeTrue();
        PublicKeyFingerprint.Parse(text).Should().Be(expected);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("sha1:0123456789abcdef0123456789abcdef01234567")]
    [InlineData("sha256:0123456789abcdef")]
    [InlineData("sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdeg")]
    [InlineData("sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef00")]
    public void Malformed_fingerprints_are_refused_with_the_expected_form(string? text)
    {
        PublicKeyFingerprint.IsValid(text).Should().BeFalse();
        if (text is not null)
        {
            var act = () => PublicKeyFingerprint.Parse(text);
            act.Should().Throw<FormatException>().WithMessage("*\"sha256:\" followed by 64 hex digits*");
        }
    }
}
