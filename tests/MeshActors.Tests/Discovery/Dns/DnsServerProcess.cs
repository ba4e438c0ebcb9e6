using System.Diagnostics;
using System.Net;
using DnsClient;

namespace MeshActors.Tests.Discovery.Dns;

/// <summary>A real DNS server process (dnsmasq or unbound) on a free loopback port, in a folder
/// of its own; started in the foreground so it is killed by its own PID on dispose.</summary>
internal sealed class DnsServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(15);

    private readonly Process process;

    private DnsServerProcess(Process process, string folder, IPEndPoint endpoint)
    {
        this.process = process;
        Folder = folder;
        Endpoint = endpoint;
    }

    public string Folder { get; }

    public IPEndPoint Endpoint { get; }

    public string Server => Endpoint.ToString();

    /// <summary>The server's own process id (dnsmasq answers TCP in child processes with others).</summary>
    public int ProcessId => process.Id;

    /// <summary>Starts a server: <paramref name="configure"/> writes the config for a port and
    /// folder and returns the command line; retried on another port if the server dies at once.</summary>
    public static async Task<DnsServerProcess> StartAsync(string program, Func<int, string, string> configure, string probeName)
    {
        var folder = Directory.CreateTempSubdirectory("meshactors-dns-").FullName;
        string? lastError = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var port = FreePort.UdpAndTcp();
            var arguments = configure(port, folder);
            var process = Process.Start(new ProcessStartInfo(program, arguments)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            })!;
            var server = new DnsServerProcess(process, folder, new IPEndPoint(IPAddress.Loopback, port));
            if (await server.AnswersAsync(probeName))
            {
                return server;
            }

            lastError = process.HasExited ? await process.StandardError.ReadToEndAsync() : "it did not answer in time";
            await server.StopAsync();
        }

        throw new InvalidOperationException($"{program} did not start: {lastError}");
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task StopAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private async Task<bool> AnswersAsync(string probeName)
    {
        var client = new LookupClient(new LookupClientOptions(Endpoint) { UseCache = false, Timeout = TimeSpan.FromMilliseconds(200), Retries = 0, ThrowDnsErrors = false });
        using var deadline = new CancellationTokenSource(StartDeadline);
        while (!deadline.IsCancellationRequested && !process.HasExited)
        {
            try
            {
                // Any response, whatever its code, means the server listens.
                await client.QueryAsync(probeName, QueryType.SOA, QueryClass.IN, deadline.Token);
                return true;
            }
            catch (DnsResponseException)
            {
                // Not listening yet (timeout or port unreachable): ask again until the deadline.
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return false;
    }

    /// <summary>The lines of a log file in <see cref="Folder"/> once <paramref name="until"/> holds
    /// for them, or as they are at the deadline.</summary>
    public async Task<IReadOnlyList<string>> LogAsync(string fileName, Func<IReadOnlyList<string>, bool> until)
    {
        var path = Path.Combine(Folder, fileName);
        using var deadline = new CancellationTokenSource(StartDeadline);
        while (true)
        {
            IReadOnlyList<string> lines = File.Exists(path) ? await File.ReadAllLinesAsync(path, CancellationToken.None) : [];
            if (until(lines) || deadline.IsCancellationRequested)
            {
                return lines;
            }

            await Task.Delay(20, CancellationToken.None);
        }
    }
}
