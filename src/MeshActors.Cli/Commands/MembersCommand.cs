using System.CommandLine;
using System.Globalization;
using MeshActors.Cli.Control;
using MeshActors.Cli.Members;
using Spectre.Console;

namespace MeshActors.Cli.Commands;

/// <summary><c>meshctl members</c>: the Akka.Cluster member list as one node sees it, once or live.</summary>
internal static class MembersCommand
{
    public static Command Build()
    {
        var endpoint = EndpointOption.Create();
        var json = new Option<bool>("--json") { Description = "print the node's JSON as it is (with --watch: one document per line)" };
        var watch = new Option<bool>("--watch", "-w") { Description = "redraw the list on every change until Ctrl+C" };
        var status = new Option<string[]>("--status")
        {
            Description = "only members in these Akka statuses: " + string.Join(", ", MemberStatus.All) + "; comma-separated or repeated",
            CustomParser = ParseStatuses,
        };
        var role = new Option<string[]>("--role") { Description = "only members with this Akka.Cluster role (meshactors.node.metadata.roles); repeatable" };
        var command = new Command(
            "members",
            "List the cluster's members as a node sees them: node id, Akka address, status, reachability, roles, app version, zone, labels")
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
        command.Subcommands.Add(MembersLabelCommand.Build());
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
        var statuses = MemberStatus.Parse(result.Tokens.Select(t => t.Value), out var bad);
        if (bad is not null)
        {
            result.AddError($"--status '{bad}' is not an Akka member status; give one or more of {string.Join(", ", MemberStatus.All)} (e.g. --status up,leaving)");
        }

        return [.. statuses];
    }
}
