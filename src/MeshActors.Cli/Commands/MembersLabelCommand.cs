using System.CommandLine;
using System.Text.Json;
using MeshActors.Cli.Control;
using MeshActors.Cli.Members;

namespace MeshActors.Cli.Commands;

/// <summary>
/// <c>meshctl members label KEY=VALUE…</c>: replaces the labels of the node at <c>--endpoint</c>
/// (<c>PUT /control/members/self/labels</c>) and says whether every member acknowledged them.
/// </summary>
internal static class MembersLabelCommand
{
    public static Command Build()
    {
        var endpoint = EndpointOption.Create();
        var assignments = new Argument<string[]>("KEY=VALUE")
        {
            Description = "a label of the node; repeat for more. The node's labels become exactly these (give every label to keep)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var json = new Option<bool>("--json") { Description = "print the node's JSON answer as it is" };
        var command = new Command(
            "label",
            "Set the labels of the node at --endpoint (replacing its current ones); they reach the other members through Akka.DistributedData")
        {
            endpoint, assignments, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (LabelAssignments.Parse(parse.GetValue(assignments) ?? [], out var error) is not { } labels)
            {
                Console.Error.WriteLine("error: " + error);
                return Meshctl.InvalidInput;
            }

            try
            {
                using var client = new ControlClient(parse.GetValue(endpoint)!);
                var (status, body) = await client.SendJsonAsync(HttpMethod.Put, "/control/members/self/labels", new { labels }, cancellationToken);
                if (status == 400)
                {
                    Console.Error.WriteLine("error: the node refused the labels: " + ControlClient.ErrorOf(body));
                    return Meshctl.InvalidInput;
                }

                if (status != 200)
                {
                    Console.Error.WriteLine($"error: {client.Endpoint}control/members/self/labels answered HTTP {status}: {ControlClient.ErrorOf(body)}");
                    return 1;
                }

                Console.Out.WriteLine(parse.GetValue(json) ? body.GetRawText() : Describe(client.Endpoint, body));
                return 0;
            }
            catch (ControlException ex)
            {
                Console.Error.WriteLine("error: " + ex.Message);
                return 1;
            }
        });
        return command;
    }

    private static string Describe(Uri endpoint, JsonElement body)
    {
        var set = body.TryGetProperty("labels", out var labels) && labels.ValueKind == JsonValueKind.Object
            ? string.Join(", ", labels.EnumerateObject().Select(l => $"{l.Name}={l.Value.GetString()}"))
            : "?";
        var all = body.TryGetProperty("acknowledgedByAll", out var ack) && ack.ValueKind == JsonValueKind.True;
        return $"labels of the node at {endpoint} set to {set}; " + (all
            ? "every member acknowledged them"
            : "not every member acknowledged them in time (meshactors.membership.metadata-write-timeout); the rest get them by gossip shortly");
    }
}
