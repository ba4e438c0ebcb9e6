using System.CommandLine;
using System.Globalization;
using MeshActors.Cli.Control;
using MeshActors.Cli.Members;
using Spectre.Console;

namespace MeshActors.Cli.Commands;

/// <summary><c>meshctl members</c>: the member list as one node sees it, once or live.</summary>
internal static class MembersCommand
{
    private static readonly string[] Statuses = ["alive", "suspect", "dead", "left"];

    public static Command Build()
    {
        var endpoint = EndpointOption.Create();
        var json = new Option<bool>("--json") { Description = "print the node's JSON as it is (with --watch: one document per line)" };
        var watch = new Option<bool>("--watch", "-w") { Description = "redraw the list on every change until Ctrl+C" };
        var status = new Option<string[]>("--status")
        {
            Description = "only members in these states: alive, suspect, dead, left; comma-separated or repeated",
            CustomParser = ParseStatuses,
        };
        var role = new Option<string[]>("--role") { Description = "only members with this role (meshactors.node.metadata.role); repeatable" };
        var command = new Command("members", "List the cluster's members as a node sees them: id, address, status, incarnation, role, zone, last change")
        {
            endpoint, json, watch, status, role,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var query = Query(parse.GetValue(status) ?? [], parse.GetValue(role) ?? []);
            using var client = new ControlClient(parse.GetValue(endpoint)!);
            try
            {
                if (parse.GetValue(watch))
                {
                    await WatchAsync(client, "/control/members/watch" + query, parse.GetValue(json), cancellationToken);
                }
                else
                {
                    var body = await client.GetTextAsync("/control/members" + query, cancellationToken);
                    if (parse.GetValue(json))
                    {
                        Console.Out.WriteLine(body);
                    }
                    else
                    {
                        MemberListView.Write(MemberListView.CreateConsole(), client.Parse(body, "/control/members"));
                    }
                }

                return 0;
            }
            catch (ControlException ex)
            {
                Console.Error.WriteLine("error: " + ex.Message);
                return 1;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Ctrl+C ends --watch; that is how it is meant to stop.
                return 0;
            }
        });
        return command;
    }

    private static async Task WatchAsync(ControlClient client, string path, bool json, CancellationToken cancellationToken)
    {
        var console = MemberListView.CreateConsole();
        var redraw = !Console.IsOutputRedirected;
        await foreach (var data in client.WatchAsync(path, "members", cancellationToken))
        {
            if (json)
            {
                Console.Out.WriteLine(data);
                continue;
            }

            var document = client.Parse(data, path);
            if (redraw)
            {
                console.Clear(home: true);
            }
            else
            {
                console.WriteLine();
            }

            console.WriteLine($"{DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} members of {client.Endpoint} (Ctrl+C to stop)");
            MemberListView.Write(console, document);
        }
    }

    private static string Query(string[] statuses, string[] roles)
    {
        var parts = new List<string>();
        if (statuses.Length > 0)
        {
            parts.Add("status=" + Uri.EscapeDataString(string.Join(',', statuses)));
        }

        parts.AddRange(roles.Select(r => "role=" + Uri.EscapeDataString(r)));
        return parts.Count == 0 ? string.Empty : "?" + string.Join('&', parts);
    }

    private static string[] ParseStatuses(System.CommandLine.Parsing.ArgumentResult result)
    {
        var statuses = result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(s => s.ToLowerInvariant()).Distinct().ToArray();
        if (statuses.FirstOrDefault(s => !Statuses.Contains(s)) is { } bad)
        {
            result.AddError($"--status '{bad}' is not a member status; give one or more of alive, suspect, dead, left (e.g. --status alive,suspect)");
        }

        return statuses;
    }
}
