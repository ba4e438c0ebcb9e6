using System.Diagnostics;

namespace MeshActors.Tests.Discovery.Mdns;

/// <summary>A network namespace one test creates (TESTPEERS.md "mDNS: only inside a network
/// namespace"): loopback up with multicast on and 224.0.0.0/4 routed to it, so multicast never
/// leaves the machine. Children are started in it with <c>ip netns exec</c>; dispose kills them by
/// PID and deletes the namespace.</summary>
internal sealed class NetworkNamespace : IAsyncDisposable
{
    private static int _counter;
    private readonly List<IDisposable> _children = [];

    private NetworkNamespace(string name) => Name = name;

    /// <summary>The namespace's name under <c>/var/run/netns</c>.</summary>
    public string Name { get; }

    /// <summary>Creates a uniquely named namespace ready for mDNS on <c>lo</c>.</summary>
    public static NetworkNamespace Create()
    {
        var ns = new NetworkNamespace($"mdns-{Environment.ProcessId}-{Interlocked.Increment(ref _counter)}");
        Ip("netns", "add", ns.Name);
        try
        {
            Ip("-n", ns.Name, "link", "set", "lo", "up");
            Ip("-n", ns.Name, "link", "set", "lo", "multicast", "on");
            Ip("-n", ns.Name, "route", "add", "224.0.0.0/4", "dev", "lo", "src", "127.0.0.1");
        }
        catch
        {
            Ip("netns", "del", ns.Name);
            throw;
        }

        return ns;
    }

    /// <summary>Starts <paramref name="file"/> inside the namespace; it is killed on dispose.</summary>
    public PeerProcess Start(string file, params string[] arguments) => Start(new Dictionary<string, string>(), file, arguments);

    /// <summary>Starts <paramref name="file"/> inside the namespace with extra <paramref name="environment"/> variables; it is killed on dispose.</summary>
    public PeerProcess Start(IReadOnlyDictionary<string, string> environment, string file, params string[] arguments)
    {
        var child = new PeerProcess("ip", ["netns", "exec", Name, file, .. arguments], environment);
        Track(child);
        return child;
    }

    /// <summary>Something to dispose with the namespace, before it is deleted.</summary>
    public void Track(IDisposable child)
    {
        lock (_children)
        {
            _children.Add(child);
        }
    }

    /// <summary>Runs <paramref name="action"/> with the calling thread inside the namespace (sockets it opens stay there).</summary>
    public T RunInside<T>(Func<T> action) => NetnsSockets.RunInside(Name, action);

    /// <summary>Kills the children and deletes the namespace.</summary>
    public ValueTask DisposeAsync()
    {
        lock (_children)
        {
            foreach (var child in Enumerable.Reverse(_children))
            {
                child.Dispose();
            }

            _children.Clear();
        }

        Ip("netns", "del", Name);
        return ValueTask.CompletedTask;
    }

    private static void Ip(params string[] arguments)
    {
        var start = new ProcessStartInfo("ip") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ip {string.Join(' ', arguments)} failed ({process.ExitCode}): {error}");
        }
    }
}
