using System.Diagnostics;
using System.Net;

namespace MeshActors.Node.Tests;

/// <summary>
/// Hosts with addresses of their own on one LAN, all on this machine: a hub network namespace with a
/// bridge (<c>br0</c>, <see cref="HubAddress"/>), and one namespace per host joined to it by a veth
/// pair (<c>veth0</c> inside the host, 10.201.0.10 and up). Nothing routes out of them, so traffic
/// stays among the namespaces this class created. <see cref="Isolate"/> partitions a host from all
/// the others (iptables DROP on its veth, both ways; its own loopback keeps working), <see cref="Heal"/>
/// undoes it. Dispose deletes every namespace; whoever started processes inside must stop them first.
/// </summary>
internal sealed class BridgedHosts : IDisposable
{
    private const string Subnet = "10.201.0";
    private readonly string _tag = $"mp{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";
    private readonly List<Host> _hosts = [];
    private readonly string _hub;

    public BridgedHosts()
    {
        _hub = $"{_tag}-hub";
        Ip("netns", "add", _hub);
        try
        {
            Ip("-n", _hub, "link", "set", "lo", "up");
            Ip("-n", _hub, "link", "add", "br0", "type", "bridge");
            Ip("-n", _hub, "addr", "add", $"{HubAddress}/24", "dev", "br0");
            Ip("-n", _hub, "link", "set", "br0", "up");
        }
        catch
        {
            Ip("netns", "del", _hub);
            throw;
        }
    }

    /// <summary>The hub namespace, where servers every host reaches (PostgreSQL) run.</summary>
    public string HubNamespace => _hub;

    /// <summary>The bridge's address in the hub namespace.</summary>
    public IPAddress HubAddress { get; } = IPAddress.Parse($"{Subnet}.1");

    /// <summary>A new host: a namespace with loopback up and <c>veth0</c> on the bridge.</summary>
    public Host AddHost()
    {
        var index = _hosts.Count;
        var host = new Host($"{_tag}-h{index}", IPAddress.Parse($"{Subnet}.{10 + index}"));
        Ip("netns", "add", host.Namespace);
        _hosts.Add(host);
        Ip("-n", _hub, "link", "add", $"vh{index}", "type", "veth", "peer", "name", "veth0", "netns", host.Namespace);
        Ip("-n", _hub, "link", "set", $"vh{index}", "master", "br0", "up");
        Ip("-n", host.Namespace, "addr", "add", $"{host.Address}/24", "dev", "veth0");
        Ip("-n", host.Namespace, "link", "set", "lo", "up");
        Ip("-n", host.Namespace, "link", "set", "veth0", "up");
        return host;
    }

    /// <summary>Drops every packet in and out of <paramref name="host"/>'s veth: it reaches nobody and nobody
    /// reaches it. Nothing is refused or reset; packets just vanish, as behind a failed switch port.</summary>
    public static void Isolate(Host host)
    {
        Run("ip", "netns", "exec", host.Namespace, "iptables", "-A", "INPUT", "-i", "veth0", "-j", "DROP");
        Run("ip", "netns", "exec", host.Namespace, "iptables", "-A", "OUTPUT", "-o", "veth0", "-j", "DROP");
    }

    /// <summary>Ends <see cref="Isolate"/>.</summary>
    public static void Heal(Host host)
    {
        Run("ip", "netns", "exec", host.Namespace, "iptables", "-F", "INPUT");
        Run("ip", "netns", "exec", host.Namespace, "iptables", "-F", "OUTPUT");
    }

    /// <summary>Deletes every host namespace (their veth pairs go with them), then the hub.</summary>
    public void Dispose()
    {
        var failures = new List<string>();
        foreach (var ns in _hosts.Select(h => h.Namespace).Append(_hub))
        {
            try
            {
                Ip("netns", "del", ns);
            }
            catch (InvalidOperationException ex)
            {
                failures.Add(ex.Message);
            }
        }

        if (failures.Count > 0)
        {
            throw new InvalidOperationException(string.Join('\n', failures));
        }
    }

    private static void Ip(params string[] arguments) => Run("ip", arguments);

    private static void Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process started;
        try
        {
            started = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"cannot run {file} ({ex.Message}): the partition tests need root, iproute2 and iptables (./test.sh installs them)", ex);
        }

        using var process = started;
        _ = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error}");
        }
    }

    /// <summary>One host: its namespace and its address on the bridge.</summary>
    public sealed record Host(string Namespace, IPAddress Address);
}
