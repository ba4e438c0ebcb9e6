using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MeshActors.Tests.Leadership;

/// <summary>
/// A real PostgreSQL server for one test class: initdb into a temporary folder and pg_ctl on a free
/// loopback port, run as the <c>postgres</c> user when the tests run as root (initdb refuses root).
/// Stopped and deleted on dispose. It never skips: when the server cannot start, construction throws
/// with the reason, and the tests fail with it. By default it listens on 127.0.0.1 of the test's own
/// network namespace; <see cref="NetworkNamespace"/> and <see cref="ListenAddress"/> run it inside a
/// namespace a test created, on that namespace's address, for clients in other namespaces.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("meshactors-pg-");
    private string _bin = "";
    private bool _started;

    public int Port { get; private set; }

    /// <summary>The address the server listens on (<c>listen_addresses</c>); 127.0.0.1 unless set.</summary>
    public string ListenAddress { get; init; } = "127.0.0.1";

    /// <summary>The network namespace (under <c>/var/run/netns</c>) the server runs in; null: the test's own.</summary>
    public string? NetworkNamespace { get; init; }

    public string ConnectionString => $"Host={ListenAddress};Port={Port};Username=postgres;Database=postgres;Pooling=true;Timeout=5";

    public async Task InitializeAsync()
    {
        _bin = FindBinaries();
        Port = FreePort();
        var data = Path.Combine(_folder.FullName, "data");
        if (IsRoot)
        {
            await RunAsync("chown", ["-R", "postgres:postgres", _folder.FullName]);
        }

        await RunAsync(Path.Combine(_bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]);
        if (ListenAddress != "127.0.0.1")
        {
            // initdb trusts loopback only; clients in the namespaces on the server's own subnet come from elsewhere.
            await File.AppendAllTextAsync(Path.Combine(data, "pg_hba.conf"), "host all all samenet trust\n");
        }

        await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", data, "-l", Path.Combine(_folder.FullName, "pg.log"),
            "-o", $"-p {Port} -k {_folder.FullName} -c listen_addresses={ListenAddress} -c fsync=off", "-w", "-t", "60", "start"]);
        _started = true;
    }

    public async Task DisposeAsync()
    {
        try
        {
            if (_started)
            {
                await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(_folder.FullName, "data"), "-m", "fast", "-w", "stop"]);
            }
        }
        finally
        {
            _folder.Delete(recursive: true);
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static string FindBinaries()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return bin ?? throw new InvalidOperationException(
            "PostgreSQL is not installed: no /usr/lib/postgresql/*/bin/initdb. Install it (apt-get install postgresql; ./test.sh does this as root).");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task RunAsync(string program, string[] arguments)
    {
        // pg_ctl's server stays in the namespace it was started in; chown needs none.
        var prefix = new List<string>();
        if (NetworkNamespace is not null && program != "chown")
        {
            prefix.AddRange(["ip", "netns", "exec", NetworkNamespace]);
        }

        if (IsRoot && program != "chown")
        {
            prefix.AddRange(["runuser", "-u", "postgres", "--"]);
        }

        prefix.Add(program);
        var start = new ProcessStartInfo(prefix[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _folder.FullName,
        };
        foreach (var a in prefix.Skip(1).Concat(arguments))
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            var log = Path.Combine(_folder.FullName, "pg.log");
            throw new InvalidOperationException(
                $"PostgreSQL could not start: {program} {string.Join(' ', arguments)} exited {process.ExitCode}: {await error} {await output}" +
                (File.Exists(log) ? Environment.NewLine + File.ReadAllText(log) : ""));
        }
    }
}
