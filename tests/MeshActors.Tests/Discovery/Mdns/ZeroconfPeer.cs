namespace MeshActors.Tests.Discovery.Mdns;

/// <summary>Starts python3-zeroconf peers (zeroconf_peer.py beside this file) inside a namespace.</summary>
internal static class ZeroconfPeer
{
    /// <summary>How long a peer may take to start, probe and register.</summary>
    public static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(20);

    private static string Script => Path.Combine(TestPaths.RepositoryRoot, "tests", "MeshActors.Tests", "Discovery", "Mdns", "zeroconf_peer.py");

    /// <summary>Registers instance <paramref name="name"/> of <c>_meshactors._tcp</c> at
    /// <paramref name="address"/>:<paramref name="port"/> with <paramref name="txt"/>; returns once it is announced.</summary>
    public static async Task<PeerProcess> PublishAsync(NetworkNamespace ns, string name, string address, int port, params string[] txt)
    {
        var peer = ns.Start("/usr/bin/python3", [Script, "publish", name, "_meshactors._tcp", port.ToString(System.Globalization.CultureInfo.InvariantCulture), address, .. txt]);
        await peer.WaitForLineAsync(l => l == "READY", StartDeadline);
        return peer;
    }

    /// <summary>Sends the instance's goodbye (TTL 0) and waits until it is sent.</summary>
    public static async Task UnregisterAsync(PeerProcess peer)
    {
        await peer.WriteLineAsync("unregister");
        await peer.WaitForLineAsync(l => l == "GONE", StartDeadline);
    }

    /// <summary>Starts a browser for <c>_meshactors._tcp</c> that prints ADD/UPDATE/REMOVE lines.</summary>
    public static async Task<PeerProcess> BrowseAsync(NetworkNamespace ns)
    {
        var peer = ns.Start("/usr/bin/python3", Script, "browse", "_meshactors._tcp");
        await peer.WaitForLineAsync(l => l == "READY", StartDeadline);
        return peer;
    }
}
