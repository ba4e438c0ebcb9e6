namespace MeshActors.Tests.Discovery.Mdns;

/// <summary>
/// An avahi-daemon inside a test's namespace, on <c>lo</c> only, with host name <c>peer-a</c>
/// (TESTPEERS.md's recipe): its own D-Bus system bus in a temporary folder, and its own tmpfs on
/// <c>/run/avahi-daemon</c> in a private mount namespace, so several can run at once and none
/// touches the machine's. avahi-publish-service and avahi-browse reach it over that bus. Every
/// process is killed by its PID when the namespace is disposed.
/// </summary>
internal sealed class AvahiPeer
{
    /// <summary>How long avahi may take to start, probe and register.</summary>
    public static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(20);

    private readonly NetworkNamespace _ns;
    private readonly Dictionary<string, string> _environment;

    private AvahiPeer(NetworkNamespace ns, string bus)
    {
        _ns = ns;
        _environment = new Dictionary<string, string> { ["DBUS_SYSTEM_BUS_ADDRESS"] = "unix:path=" + bus };
    }

    /// <summary>The daemon's host name.</summary>
    public const string HostName = "peer-a";

    /// <summary>Starts the bus and the daemon; returns once avahi reports its start-up complete.</summary>
    public static async Task<AvahiPeer> StartAsync(NetworkNamespace ns)
    {
        var dir = Directory.CreateTempSubdirectory("meshactors-avahi-");
        ns.Track(new FolderRemoval(dir));
        var bus = Path.Combine(dir.FullName, "bus");
        var busConfig = Path.Combine(dir.FullName, "bus.conf");
        var daemonConfig = Path.Combine(dir.FullName, "avahi-daemon.conf");
        await File.WriteAllTextAsync(busConfig, BusConfig(bus));
        await File.WriteAllTextAsync(daemonConfig, DaemonConfig);

        var dbus = ns.Start("/usr/bin/dbus-daemon", "--config-file=" + busConfig, "--nofork", "--print-address");
        await dbus.WaitForLineAsync(l => l.StartsWith("unix:", StringComparison.Ordinal), StartDeadline);

        // The mount point must exist in the machine's mount namespace; the tmpfs on it stays private.
        Directory.CreateDirectory("/run/avahi-daemon");
        var peer = new AvahiPeer(ns, bus);
        var daemon = ns.Start(peer._environment, "/usr/bin/unshare", "-m", "--propagation", "private", "/bin/sh", "-c",
            $"mount -t tmpfs tmpfs /run/avahi-daemon && exec avahi-daemon -f '{daemonConfig}' --no-drop-root --no-chroot --no-rlimits");
        await daemon.WaitForLineAsync(l => l.Contains("Server startup complete", StringComparison.Ordinal), StartDeadline);
        return peer;
    }

    /// <summary>Publishes instance <paramref name="name"/> of <c>_meshactors._tcp</c> on
    /// <paramref name="port"/> (host <c>peer-a.local</c>, 127.0.0.1) with <paramref name="txt"/>;
    /// returns once avahi has probed and established it under that very name.</summary>
    public async Task<PeerProcess> PublishAsync(string name, int port, params string[] txt)
    {
        var publisher = _ns.Start(_environment, "/usr/bin/avahi-publish-service", ["-s", name, "_meshactors._tcp", port.ToString(System.Globalization.CultureInfo.InvariantCulture), .. txt]);
        await publisher.WaitForLineAsync(l => l.Contains($"Established under name '{name}'", StringComparison.Ordinal), StartDeadline);
        return publisher;
    }

    /// <summary>Starts <c>avahi-browse -rp _meshactors._tcp</c> (with <paramref name="terminate"/>,
    /// <c>-rpt</c>: dump what is known and exit); parse its lines with <see cref="AvahiBrowseLine"/>.</summary>
    public PeerProcess Browse(bool terminate = false) =>
        _ns.Start(_environment, "/usr/bin/avahi-browse", terminate ? "-rpt" : "-rp", "_meshactors._tcp");

    private static string BusConfig(string bus) => $"""
        <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN" "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
        <busconfig>
          <type>system</type>
          <listen>unix:path={bus}</listen>
          <auth>EXTERNAL</auth>
          <policy context="default">
            <allow user="*"/>
            <allow own="*"/>
            <allow send_type="method_call"/>
            <allow send_type="signal"/>
            <allow send_type="method_return"/>
            <allow send_type="error"/>
            <allow receive_type="method_call"/>
            <allow receive_type="signal"/>
            <allow receive_type="method_return"/>
            <allow receive_type="error"/>
          </policy>
        </busconfig>
        """;

    private const string DaemonConfig = $"""
        [server]
        host-name={HostName}
        use-ipv4=yes
        use-ipv6=no
        allow-interfaces=lo
        enable-dbus=yes
        [wide-area]
        enable-wide-area=no
        [publish]
        publish-hinfo=no
        publish-workstation=no
        """;

    private sealed class FolderRemoval(DirectoryInfo dir) : IDisposable
    {
        public void Dispose()
        {
            try
            {
                dir.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A socket file still in use; the temporary folder is cleaned up later.
            }
        }
    }
}
