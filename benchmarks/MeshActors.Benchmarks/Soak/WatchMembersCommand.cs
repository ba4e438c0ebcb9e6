using System.Globalization;
using System.Text.Json;
using MeshActors.Benchmarks.Harness;

namespace MeshActors.Benchmarks.Soak;

/// <summary>
/// <c>watch-members</c>: polls one node's <c>GET /control/members</c> for a while and writes one
/// line per change it sees, for <c>scripts/false-downs.sh</c> (which runs one watcher inside each
/// node's network namespace). Lines: <c>UNIX_MS LABEL EVENT ADDRESS DETAIL</c>, where EVENT is
/// <c>status</c> (first seen, or a new status), <c>reachable</c> (true/false) or <c>absent</c>
/// (listed before, gone now); a last <c>summary</c> line counts polls and unanswered polls.
/// </summary>
internal static class WatchMembersCommand
{
    public const string Usage = "watch-members --control-port C [--control-host 127.0.0.1] [--label NAME] [--seconds 600] [--poll-ms 200] [--out FILE]";

    public static async Task<int> RunAsync(string[] raw)
    {
        var args = new BenchmarkArgs(raw);
        var port = (int)args.Get("control-port", 0);
        var host = args.Get("control-host", "127.0.0.1");
        var label = args.Get("label", $"{host}:{port}");
        var duration = TimeSpan.FromSeconds(args.Get("seconds", 600));
        var interval = TimeSpan.FromMilliseconds(args.Get("poll-ms", 200));
        var outPath = args.Get("out", string.Empty);
        if (port is <= 0 or > 65535)
        {
            Console.Error.WriteLine("usage: MeshActors.Benchmarks " + Usage);
            return 2;
        }

        using var stop = new CancellationTokenSource(duration);
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM, ctx => { ctx.Cancel = true; stop.Cancel(); });
        await using var output = outPath.Length == 0 ? Console.Out : new StreamWriter(outPath, append: false) { AutoFlush = true };
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var url = new Uri($"http://{host}:{port}/control/members");
        var known = new Dictionary<string, MemberState>(StringComparer.Ordinal);
        long polls = 0, unanswered = 0;
        while (!stop.IsCancellationRequested)
        {
            polls++;
            var view = await GetAsync(http, url, stop.Token);
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
            if (view is null)
            {
                unanswered += stop.IsCancellationRequested ? 0 : 1;
            }
            else
            {
                foreach (var (address, state) in view.Members)
                {
                    if (!known.TryGetValue(address, out var was) || was.Status != state.Status)
                    {
                        await output.WriteLineAsync($"{now} {label} status {address} {state.Status}");
                    }

                    if (known.TryGetValue(address, out was) ? was.Reachable != state.Reachable : !state.Reachable)
                    {
                        await output.WriteLineAsync($"{now} {label} reachable {address} {(state.Reachable ? "true" : "false")}");
                    }

                    known[address] = state;
                }

                foreach (var gone in known.Keys.Where(a => !view.Members.ContainsKey(a)).ToList())
                {
                    await output.WriteLineAsync($"{now} {label} absent {gone} -");
                    known.Remove(gone);
                }
            }

            try
            {
                await Task.Delay(interval, stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await output.WriteLineAsync($"{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()} {label} summary polls={polls} unanswered={unanswered}");
        return 0;
    }

    private static async Task<MemberView?> GetAsync(HttpClient http, Uri url, CancellationToken cancel)
    {
        try
        {
            using var response = await http.GetAsync(url, cancel);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancel), cancellationToken: cancel);
            return MemberView.Parse(json.RootElement);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }
}
