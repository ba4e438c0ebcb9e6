using System.Diagnostics;
using System.Net;
using MeshActors.Randomness;
using MeshActors.Dns;

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
        var client = new MeshActors.Dns.DnsClient(new DnsClientOptions { Servers = [Endpoint], Timeout = TimeSpan.FromMilliseconds(200), Attempts = 1 }, new SeededRandomSource(1));
        using var deadline = new CancellationTokenSource(StartDeadline);
        while (!deadline.IsCancellationRequested && !process.HasExited)
        {
            try
            {
                await client.QueryAsync(probeName, DnsRecordType.SOA, deadline.Token);
                return true;
            }
            catch (DnsQueryException ex) when (ex.Failure is DnsFailure.NameNotFound or DnsFailure.Refused or DnsFailure.ServerFailure)
            {
                return true;
            }
            catch (DnsQueryException)
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
}
