using System.Globalization;
using System.Security.Cryptography.X509Certificates;

namespace MeshActors.Security;

/// <summary>Validity periods of issued certificates, and the way dates appear in messages.</summary>
internal static class CertificateDates
{
    /// <summary>
    /// How far before "now" a new certificate starts, so that a node whose clock is a little
    /// behind the issuer's still accepts it.
    /// </summary>
    public static readonly TimeSpan ClockSkewAllowance = TimeSpan.FromMinutes(5);

    /// <summary>
    /// NotBefore (given, or now minus <see cref="ClockSkewAllowance"/>) and NotAfter = NotBefore +
    /// <paramref name="validity"/>, both whole seconds, as certificates store them.
    /// </summary>
    public static (DateTimeOffset NotBefore, DateTimeOffset NotAfter) Compute(TimeProvider time, TimeSpan validity, DateTimeOffset? notBefore)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (validity <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(validity), validity, "the validity must be positive");
        }

        var from = WholeSeconds(notBefore ?? time.GetUtcNow() - ClockSkewAllowance);
        return (from, WholeSeconds(from + validity));
    }

    public static DateTimeOffset NotBefore(X509Certificate2 certificate) => Utc(certificate.NotBefore);

    public static DateTimeOffset NotAfter(X509Certificate2 certificate) => Utc(certificate.NotAfter);

    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static DateTimeOffset Utc(DateTime certificateTime) => new(certificateTime.ToUniversalTime(), TimeSpan.Zero);

    private static DateTimeOffset WholeSeconds(DateTimeOffset instant) =>
        new(instant.UtcTicks - (instant.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
