using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MeshActors.Security;

/// <summary>
/// Identifies a public key as <c>sha256:</c> followed by the lowercase hex SHA-256 of its
/// SubjectPublicKeyInfo (DER). It names the key, not the certificate, so a certificate re-issued
/// for the same key keeps its fingerprint, and it matches
/// <c>openssl x509 -pubkey -noout | openssl pkey -pubin -outform DER | sha256sum</c>.
/// </summary>
public static class PublicKeyFingerprint
{
    /// <summary>The prefix naming the hash algorithm.</summary>
    public const string Prefix = "sha256:";

    private const int HexLength = 64;

    /// <summary>The fingerprint of <paramref name="certificate"/>'s public key.</summary>
    public static string Of(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return Prefix + Convert.ToHexStringLower(SHA256.HashData(certificate.PublicKey.ExportSubjectPublicKeyInfo()));
    }

    /// <summary>Whether <paramref name="text"/> is a fingerprint <see cref="Parse"/> accepts.</summary>
    public static bool IsValid([NotNullWhen(true)] string? text) => TryNormalize(text, out _);

    /// <summary>
    /// Reads a fingerprint typed by a user: surrounding spaces, upper-case hex and colons between
    /// the hex bytes are accepted. Returns the canonical form, comparable with <see cref="Of"/>.
    /// </summary>
    /// <exception cref="FormatException">The text is not a SHA-256 public key fingerprint.</exception>
    public static string Parse(string text) =>
        TryNormalize(text, out var fingerprint)
            ? fingerprint
            : throw new FormatException(
                $"\"{text}\" is not a public key fingerprint: expected \"{Prefix}\" followed by {HexLength} hex digits, " +
                "as printed by 'meshctl cert issue' (e.g. sha256:3f1c…)");

    private static bool TryNormalize(string? text, [NotNullWhen(true)] out string? fingerprint)
    {
        fingerprint = null;
        var trimmed = text?.Trim();
        if (trimmed is null || !trimmed.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var hex = trimmed[Prefix.Length..].Replace(":", string.Empty, StringComparison.Ordinal);
        if (hex.Length != HexLength || !hex.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        fingerprint = Prefix + hex.ToLowerInvariant();
        return true;
    }
}
