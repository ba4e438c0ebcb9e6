using System.Security.Cryptography.X509Certificates;
using MeshActors.Diagnostics;
using Microsoft.Extensions.Logging;

namespace MeshActors.Security;

/// <summary>
/// Holds the node certificate and the trusted cluster CAs, loaded from PEM files, and picks up
/// replaced files without a restart. When <see cref="Current"/> or <see cref="Version"/> is read,
/// at most once per check interval (by the injected clock), the last-write time and length of
/// the three files (symbolic links followed, as Kubernetes secret volumes use) are compared
/// with the last look; on a change the files are loaded again. A reload that fails — a
/// half-written file, a key that does not match — keeps the previous credentials and logs a
/// warning naming the file; it is retried when the files change again.
/// </summary>
public sealed class TlsCredentialStore
{
    /// <summary>How often the files are looked at when no interval is given.</summary>
    public static readonly TimeSpan DefaultCheckInterval = TimeSpan.FromSeconds(1);

    private const string CaFix = "point it at the cluster CA certificate(s) in PEM, e.g. the ca.crt written by 'meshctl cert ca'; during a CA rotation, concatenate the old and new ca.crt";

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly long _intervalTicks;
    private TlsCredentials _current;
    private FileStamp[] _stamps;
    private long _lastCheckTicks;
    private long _version = 1;

    /// <summary>Loads the credentials for the first time.</summary>
    /// <param name="caPath">PEM file with one or more trusted CA certificates (several during a CA rotation).</param>
    /// <param name="certPath">PEM file with the node certificate.</param>
    /// <param name="keyPath">PEM file with the node certificate's private key.</param>
    /// <param name="time">The clock that paces the checks for changed files.</param>
    /// <param name="logger">Where reloads and failed reloads are reported.</param>
    /// <param name="checkInterval">The least time between two looks at the files; <see cref="DefaultCheckInterval"/> when null.</param>
    /// <exception cref="CertificateFileException">A file is missing or corrupt, or the key does not belong to the certificate.</exception>
    public TlsCredentialStore(string caPath, string certPath, string keyPath, TimeProvider time, ILogger logger, TimeSpan? checkInterval = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        var interval = checkInterval ?? DefaultCheckInterval;
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, TimeSpan.Zero, nameof(checkInterval));
        (CaPath, CertPath, KeyPath) = (caPath, certPath, keyPath);
        (_time, _log, _intervalTicks) = (time, logger, interval.Ticks);
        _stamps = Stamps();
        _current = Load();
        _lastCheckTicks = time.GetUtcNow().UtcTicks;
    }

    /// <summary>Raised after a successful reload, with the new credentials, on the thread that noticed the change.</summary>
    public event EventHandler<TlsCredentials>? Changed;

    /// <summary>The trusted CA bundle file.</summary>
    public string CaPath { get; }

    /// <summary>The node certificate file.</summary>
    public string CertPath { get; }

    /// <summary>The node private key file.</summary>
    public string KeyPath { get; }

    /// <summary>The credentials in force, reloaded first if the files changed.</summary>
    public TlsCredentials Current
    {
        get
        {
            Refresh();
            return Volatile.Read(ref _current);
        }
    }

    /// <summary>Starts at 1 and grows by one on every successful reload; compare it to notice a change.</summary>
    public long Version
    {
        get
        {
            Refresh();
            return Interlocked.Read(ref _version);
        }
    }

    private void Refresh()
    {
        var now = _time.GetUtcNow().UtcTicks;
        var last = Interlocked.Read(ref _lastCheckTicks);
        if (now >= last && now - last < _intervalTicks)
        {
            return;
        }

        TlsCredentials reloaded;
        lock (_gate)
        {
            last = Interlocked.Read(ref _lastCheckTicks);
            if (now >= last && now - last < _intervalTicks)
            {
                return;
            }

            Interlocked.Exchange(ref _lastCheckTicks, now);
            var stamps = Stamps();
            if (stamps.SequenceEqual(_stamps))
            {
                return;
            }

            _stamps = stamps;
            try
            {
                reloaded = Load();
            }
            catch (CertificateFileException ex)
            {
                MeshLog.TlsCredentialsReloadFailed(_log, _current.Fingerprint, ex.Message, ex);
                return;
            }

            Volatile.Write(ref _current, reloaded);
            Interlocked.Increment(ref _version);
            MeshLog.TlsCredentialsReloaded(_log, reloaded.NodeCertificate.Subject, reloaded.Fingerprint, CertificateDates.Format(CertificateDates.NotAfter(reloaded.NodeCertificate)), CertPath, reloaded.TrustedCas.Count, CaPath);
        }

        Changed?.Invoke(this, reloaded);
    }

    private TlsCredentials Load()
    {
        var cas = PemFiles.ReadCertificates(CaPath, CaFix);
        var notCa = cas.FirstOrDefault(c => c.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault() is not { CertificateAuthority: true });
        if (notCa is not null)
        {
            throw new CertificateFileException(CaPath, $"holds \"{notCa.Subject}\", which is not a CA certificate (basicConstraints CA:true)", CaFix);
        }

        var node = NodeCredentials.Load(CertPath, KeyPath);
        return new TlsCredentials(node, [.. cas], PublicKeyFingerprint.Of(node));
    }

    private FileStamp[] Stamps() => [FileStamp.Of(CaPath), FileStamp.Of(CertPath), FileStamp.Of(KeyPath)];

    private readonly record struct FileStamp(DateTime LastWriteUtc, long Length)
    {
        public static FileStamp Of(string path)
        {
            try
            {
                var info = new FileInfo(path);
                if (info.LinkTarget is not null)
                {
                    info = info.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? info;
                }

                return info.Exists ? new FileStamp(info.LastWriteTimeUtc, info.Length) : new FileStamp(DateTime.MinValue, -1);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return new FileStamp(DateTime.MinValue, -1);
            }
        }
    }
}
