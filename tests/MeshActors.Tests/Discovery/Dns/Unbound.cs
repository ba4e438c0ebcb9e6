using System.Diagnostics;

namespace MeshActors.Tests.Discovery.Dns;

/// <summary>Starts unbound with a static local zone test.local whose records can change at run
/// time through unbound-control on a unix socket.</summary>
internal static class Unbound
{
    public static Task<DnsServerProcess> StartAsync(params IEnumerable<string> localData) =>
        DnsServerProcess.StartAsync("unbound", (port, folder) =>
        {
            var conf = Path.Combine(folder, "unbound.conf");
            File.WriteAllLines(conf,
            [
                "server:",
                $"  interface: 127.0.0.1@{port}", $"  port: {port}", "  username: \"\"", "  chroot: \"\"",
                $"  directory: \"{folder}\"", $"  pidfile: \"{folder}/unbound.pid\"", "  do-daemonize: no",
                "  use-syslog: no", "  log-queries: yes", $"  logfile: \"{folder}/unbound.log\"", "  do-ip6: no",
                "  access-control: 127.0.0.0/8 allow", "  local-zone: \"test.local.\" static",
                .. localData.Select(d => $"  local-data: \"{d}\""),
                "remote-control:", "  control-enable: yes", $"  control-interface: \"{folder}/control.sock\"", "  control-use-cert: no",
            ]);
            return $"-d -c {conf}";
        }, "test.local");

    /// <summary>Whether unbound logged a question for <paramref name="name"/> of <paramref name="type"/>
    /// (waiting for it until the deadline).</summary>
    public static async Task<bool> AskedAsync(DnsServerProcess server, string name, string type)
    {
        var line = $" {name}. {type} IN";
        var lines = await server.LogAsync("unbound.log", l => l.Any(x => x.Contains(" info: ", StringComparison.Ordinal) && x.EndsWith(line, StringComparison.OrdinalIgnoreCase)));
        return lines.Any(x => x.Contains(" info: ", StringComparison.Ordinal) && x.EndsWith(line, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Runs unbound-control against <paramref name="server"/>; fails the test when it fails.</summary>
    public static async Task ControlAsync(DnsServerProcess server, params string[] arguments)
    {
        var start = new ProcessStartInfo("unbound-control") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Path.Combine(server.Folder, "unbound.conf"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.Should().Be(0, $"unbound-control {string.Join(' ', arguments)} said: {output}");
    }
}
