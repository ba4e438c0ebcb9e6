using System.Threading.Channels;
using MeshActors.Cli.Control;

namespace MeshActors.Cli.Demo;

/// <summary>
/// Runs the demo: starts the nodes, follows the member list from the first running node through
/// its watch stream, and carries out the operator's commands until "quit", the end of standard
/// input, or Ctrl+C; then stops every node and removes the folder.
/// </summary>
internal sealed class DemoSession(DemoSettings settings)
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan KeyPollInterval = TimeSpan.FromMilliseconds(50);

    /// <exception cref="DemoException">The demo cannot start (a port is taken).</exception>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var cluster = DemoCluster.Create(settings);
        var keys = !Console.IsInputRedirected;
        var screen = new DemoScreen(cluster, settings, keys);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var view = Task.CompletedTask;
        try
        {
            screen.Intro();
            foreach (var node in cluster.Nodes)
            {
                node.Exited += n => screen.Event(Exited(n));
                node.Start(out var outcome);
                screen.Event(outcome);
            }

            view = FollowMembersAsync(cluster, screen, stop.Token);
            await (keys ? ReadKeysAsync(cluster, screen, stop.Token) : ReadLinesAsync(cluster, screen, stop.Token));
        }
        finally
        {
            await stop.CancelAsync();
            await view;
            screen.Event($"stopping {settings.Nodes} node{(settings.Nodes == 1 ? "" : "s")}...");
            await cluster.DisposeAsync();
            Console.Out.WriteLine();
            Console.Out.WriteLine(Directory.Exists(cluster.Folder)
                ? $"demo over: every node stopped; could not remove {cluster.Folder}, delete it by hand"
                : $"demo over: every node stopped, {cluster.Folder} removed");
        }

        return 0;
    }

    /// <summary>Shows the member list of the first running node that is ready, and moves to the next when that one goes away.</summary>
    private static async Task FollowMembersAsync(DemoCluster cluster, DemoScreen screen, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            if (cluster.Nodes.FirstOrDefault(n => n.IsRunning) is { } viewer)
            {
                try
                {
                    using var client = new ControlClient(viewer.ControlEndpoint);

                    // Only a node that is Up in the cluster: a stream opened while the node still
                    // starts can stay at its first, empty list (a node-side limitation).
                    await client.GetTextAsync("/health/ready", cancellationToken);
                    await foreach (var data in client.WatchAsync("/control/members/watch", "members", cancellationToken))
                    {
                        screen.ShowMembers(client.Parse(data, "/control/members/watch"), viewer);
                    }
                }
                catch (ControlException)
                {
                    // Not listening yet, or just stopped: look again shortly, maybe at another node.
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return;
                }
            }

            try
            {
                await Task.Delay(RetryDelay, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Line commands from a pipe or file; the end of input ends the demo, so it never outlives its controller.</summary>
    private static async Task ReadLinesAsync(DemoCluster cluster, DemoScreen screen, CancellationToken cancellationToken)
    {
        var lines = Channel.CreateUnbounded<string?>();

        // Console reads cannot be cancelled: a background thread blocks on them instead of the demo.
        _ = Task.Factory.StartNew(
            () =>
            {
                string? line;
                do
                {
                    line = Console.In.ReadLine();
                    lines.Writer.TryWrite(line);
                }
                while (line is not null);
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        while (true)
        {
            string? line;
            try
            {
                line = await lines.Reader.ReadAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (line is null)
            {
                screen.Event("standard input closed: ending the demo");
                return;
            }

            if (line.Trim().Length == 0)
            {
                continue;
            }

            if (DemoAction.Parse(line, out var error) is not { } action)
            {
                screen.Event(error!);
            }
            else if (Execute(cluster, screen, action))
            {
                return;
            }
        }
    }

    /// <summary>Single keys on a terminal, see <see cref="DemoKeys"/>.</summary>
    private static async Task ReadKeysAsync(DemoCluster cluster, DemoScreen screen, CancellationToken cancellationToken)
    {
        var keys = new DemoKeys(cluster.Nodes.Count);
        while (!cancellationToken.IsCancellationRequested)
        {
            while (Console.KeyAvailable)
            {
                var key = Console.ReadKey(intercept: true);
                var action = keys.Feed(key.KeyChar, key.Key == ConsoleKey.Enter);
                screen.Prompt(keys.Pending);
                if (action is not null && Execute(cluster, screen, action))
                {
                    return;
                }
            }

            try
            {
                await Task.Delay(KeyPollInterval, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Carries out one command; true when the demo should end.</summary>
    private static bool Execute(DemoCluster cluster, DemoScreen screen, DemoAction action)
    {
        if (action.Verb == DemoVerb.Quit)
        {
            return true;
        }

        if (cluster.Find(action.Node, out var error) is not { } node)
        {
            screen.Event(error!);
            return false;
        }

        string outcome;
        _ = action.Verb switch
        {
            DemoVerb.Kill => node.Kill(out outcome),
            DemoVerb.Leave => node.Leave(out outcome),
            _ => node.Start(out outcome),
        };
        screen.Event(outcome);
        return false;
    }

    private static string Exited(DemoNode node) => node.State switch
    {
        DemoNodeState.Left => $"{node.NodeId} has left; its process ended (exit code {node.ExitCode})",
        DemoNodeState.Killed => $"{node.NodeId}'s process is gone",
        DemoNodeState.Stopped => $"{node.NodeId} stopped",
        _ => $"{node.NodeId} exited on its own with code {node.ExitCode}; last output: {node.LastLines} (whole log: {node.LogPath}; restart it with r {node.Number})",
    };
}
