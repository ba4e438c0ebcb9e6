using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MeshActors.Events.Envelope;
using MeshActors.Tests.Security;

namespace MeshActors.Tests.Events.Envelope;

/// <summary>Events signed with node certificate keys: the ECDSA P-256 keys <c>meshctl cert issue</c> makes, and RSA keys from an operator's PKI.</summary>
public sealed class CertificateSigningTests
{
    private static readonly Lazy<X509Certificate2> Node1 = new(() => TestPki.Node(TestPki.Alpha, "alpha", "node-1"));
    private static readonly Lazy<X509Certificate2> Node2 = new(() => TestPki.Node(TestPki.Alpha, "alpha", "node-2"));
    private static readonly Lazy<X509Certificate2> RsaNode = new(() => IssueRsa("node-r"));

    [Fact]
    public void An_ecdsa_node_key_signs_and_its_certificate_verifies()
    {
        using var signer = new CertificateEventSigner(Node1.Value);
        signer.Algorithm.Should().Be(SignatureAlgorithm.EcdsaSha256);
        var received = RoundTrip(MeshEventCodec.Sign(TestEvents.Unsigned(), signer, EnvelopeLimits.Default));
        received.Signature.Length.Should().Be(64, "P-256 in IEEE P1363 form");
        Verifier().Verify(received).Should().Be(SignatureVerdict.Valid);
    }

    [Fact]
    public void An_rsa_node_key_signs_with_pss_and_verifies()
    {
        using var signer = new CertificateEventSigner(RsaNode.Value);
        signer.Algorithm.Should().Be(SignatureAlgorithm.RsaPssSha256);
        var received = RoundTrip(MeshEventCodec.Sign(TestEvents.Unsigned(source: "node-r"), signer, EnvelopeLimits.Default));
        received.Signature.Length.Should().Be(256);
        Verifier().Verify(received).Should().Be(SignatureVerdict.Valid);
    }

    [Theory]
    [InlineData(66, "payload")]
    [InlineData(52, "topic")]
    [InlineData(30, "sequence")]
    [InlineData(40, "timestamp")]
    [InlineData(10, "event id")]
    public void Changing_any_signed_byte_breaks_the_signature(int offset, string field)
    {
        using var signer = new CertificateEventSigner(Node1.Value);
        var bytes = MeshEventCodec.Encode(MeshEventCodec.Sign(TestEvents.Unsigned(), signer, EnvelopeLimits.Default), EnvelopeLimits.Default);
        bytes[offset] ^= 0x01;
        var decoded = MeshEventCodec.Decode(bytes, EnvelopeLimits.Default);
        decoded.Succeeded.Should().BeTrue(decoded.Detail);
        Verifier().Verify(decoded.Event!).Should().Be(SignatureVerdict.Invalid, field);
    }

    [Fact]
    public void A_node_cannot_sign_as_another()
    {
        using var signer = new CertificateEventSigner(Node1.Value);
        var forged = MeshEventCodec.Sign(TestEvents.Unsigned(source: "node-2"), signer, EnvelopeLimits.Default);
        Verifier().Verify(forged).Should().Be(SignatureVerdict.Invalid, "node-2's certificate does not verify node-1's signature");
        new CertificateEventVerifier(_ => Public(Node1.Value), EnvelopeLimits.Default).Verify(forged)
            .Should().Be(SignatureVerdict.SourceMismatch, "node-1's certificate does not name node-2");
    }

    [Fact]
    public void Unknown_sources_and_mismatched_algorithms_are_refused()
    {
        using var signer = new CertificateEventSigner(Node1.Value);
        var signed = MeshEventCodec.Sign(TestEvents.Unsigned(), signer, EnvelopeLimits.Default);
        new CertificateEventVerifier(_ => null, EnvelopeLimits.Default).Verify(signed).Should().Be(SignatureVerdict.UnknownSource);
        Verifier().Verify(signed with { Algorithm = SignatureAlgorithm.RsaPssSha256 }).Should().Be(SignatureVerdict.AlgorithmMismatch);
        Verifier().Verify(signed with { Signature = new byte[3] }).Should().Be(SignatureVerdict.Invalid);
    }

    [Fact]
    public void A_certificate_without_its_key_cannot_sign()
    {
        var act = () => new CertificateEventSigner(Public(Node1.Value));
        act.Should().Throw<ArgumentException>().WithMessage("*has no ECDSA or RSA private key*");
    }

    private static MeshEvent RoundTrip(MeshEvent signed) =>
        MeshEventCodec.Decode(MeshEventCodec.Encode(signed, EnvelopeLimits.Default), EnvelopeLimits.Default).Event!;

    private static CertificateEventVerifier Verifier() =>
        new(id => id switch
        {
            "node-1" => Public(Node1.Value),
            "node-2" => Public(Node2.Value),
            "node-r" => Public(RsaNode.Value),
            _ => null,
        }, EnvelopeLimits.Default);

    private static X509Certificate2 Public(X509Certificate2 certificate) => X509CertificateLoader.LoadCertificate(certificate.RawData);

    private static X509Certificate2 IssueRsa(string nodeId)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=" + nodeId, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        var names = new SubjectAlternativeNameBuilder();
        names.AddUri(new Uri($"meshactors://alpha/{nodeId}"));
        request.CertificateExtensions.Add(names.Build());
        using var caKey = TestPki.Alpha.Certificate.GetECDsaPrivateKey()!;
        using var issued = request.Create(TestPki.Alpha.Certificate.SubjectName, X509SignatureGenerator.CreateForECDsa(caKey), TestPki.Now - TimeSpan.FromDays(1), TestPki.Now + TimeSpan.FromDays(30), [0x52, 0x01]);
        return issued.CopyWithPrivateKey(key);
    }
}
