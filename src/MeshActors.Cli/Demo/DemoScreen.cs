using System.Text.Json;
using MeshActors.Cli.Members;
using Spectre.Console;

namespace MeshActors.Cli.Demo;

/// <summary>
/// What the demo shows. On a terminal the whole screen is redrawn on every change: header, member
/// table, the last few events, key help. Piped, every member list and every event is appended as
/// lines, so a script or a test can follow them.
/// </summary>
internal sealed class DemoScreen(DemoCluster cluster, DemoSettings settings, bool keys)
{
    private const int KeptEvents = 6;
    private readonly Lock _gate = new();
    private readonly IAnsiConsole _console = MemberListView.CreateConsole();
    private readonly bool _redraw = !Console.IsOutputRedirected;
    private readonly Queue<string> _events = new();
    private JsonElement? _members;
    private string _prompt = string.Empty;

    /// <summary>A new member list, as <paramref name="viewer"/> sees it.</summary>
    public void ShowMembers(JsonElement members, DemoNode viewer)
    {
        lock (_gate)
        {
            _members = members;
            if (_redraw)
            {
                Redraw();
                return;
            }

            _console.WriteLine();
            _console.WriteLine($"view from {viewer.NodeId} ({viewer.ControlEndpoint}):");
            WriteMembers();
        }
    }

    /// <summary>Something happened (a command ran, a node exited).</summary>
    public void Event(string text)
    {
        lock (_gate)
        {
            _events.Enqueue($"{DateTime.Now:HH:mm:ss} {text}");
            while (_events.Count > KeptEvents)
            {
                _events.Dequeue();
            }

            if (_redraw)
            {
                Redraw();
            }
            else
            {
                _console.WriteLine(text);
            }
        }
    }

    /// <summary>The half-typed key command.</summary>
    public void Prompt(string pending)
    {
        lock (_gate)
        {
            if (_prompt != pending)
            {
                _prompt = pending;
                if (_redraw)
                {
                    Redraw();
                }
            }
        }
    }

    /// <summary>Lines printed once at the start (piped) or above the table (terminal).</summary>
    public void Intro()
    {
        lock (_gate)
        {
            if (_redraw)
            {
                Redraw();
            }
            else
            {
                WriteHeader();
            }
        }
    }

    private void Redraw()
    {
        _console.Clear(home: true);
        WriteHeader();
        _console.WriteLine();
        if (_members is not null)
        {
            WriteMembers();
        }
        else
        {
            _console.WriteLine("waiting for the first node's control endpoint...");
        }

        _console.WriteLine();
        foreach (var line in _events)
        {
            _console.WriteLine(line);
        }

        _console.WriteLine();
        _console.Write(new Markup(Markup.Escape(keys
            ? "keys: k2 kill node 2 (SIGKILL), r2 restart it, l2 make it leave (SIGTERM), q quit; a space after the letter is fine, Esc cancels"
            : "commands: " + DemoAction.LineHelp) + " > " + Markup.Escape(_prompt)));
    }

    private void WriteHeader()
    {
        _console.WriteLine($"MeshActors demo: {settings.Nodes} node{(settings.Nodes == 1 ? "" : "s")} of cluster '{DemoSettings.ClusterId}' on 127.0.0.1, mutual TLS, membership profile {settings.Profile}");
        _console.WriteLine($"folder {cluster.Folder} (CA, certificates, data and node-N.log; removed at the end)");
        if (!_redraw)
        {
            _console.WriteLine("commands, one per line: " + DemoAction.LineHelp);
        }
    }

    private void WriteMembers()
    {
        var members = _members!.Value;
        MemberListView.Write(_console, members, ("PROCESS", nodeId =>
            cluster.Nodes.FirstOrDefault(n => n.NodeId == nodeId)?.Describe() ?? "not a demo node"));

        // A node that left or was downed is removed from Akka's member list: say where it went.
        var listed = members.TryGetProperty("members", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(MemberListView.NodeId).ToHashSet(StringComparer.Ordinal)
            : [];
        var absent = cluster.Nodes.Where(n => !listed.Contains(n.NodeId)).Select(n => $"{n.NodeId} ({n.Describe()})").ToList();
        if (absent.Count > 0)
        {
            _console.WriteLine("not in this member list: " + string.Join(", ", absent));
        }
    }
}
