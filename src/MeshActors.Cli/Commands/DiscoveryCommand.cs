using System.CommandLine;
using System.Text.Json;
using MeshActors.Cli.Control;
using MeshActors.Cli.Discovery;
using MeshActors.Cli.Members;

namespace MeshActors.Cli.Commands;

/// <summary><c>meshctl discovery</c>: discovery health; <c>meshctl discovery explain</c>: why this node joined whom.</summary>
internal static class DiscoveryCommand
{
    public static Command Build()
    {
        var endpoint = EndpointOption.Create();
        var json = new Option<bool>("--json") { Description = "print the node's JSON as it is" };
        var command = new Command("discovery", "Show discovery health: each provider's last and next run, contact points found and last error, and the bootstrap's state")
        {
            endpoint, json,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(endpoint)!, cancellationToken, body =>
        {
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(body, new JsonSerializerOptions { WriteIndented = true }));
            }
            else
            {
                DiscoveryView.Write(MemberListView.CreateConsole(), body);
            }
        }));

        var explainEndpoint = EndpointOption.Create();
        var explain = new Command("explain", "Explain why this node joined whom (or formed a cluster, or is still waiting), and from which provider the contact point came")
        {
            explainEndpoint,
        };
        explain.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(explainEndpoint)!, cancellationToken, body => Console.Out.Write(DiscoveryExplanation.Explain(body))));
        command.Subcommands.Add(explain);
        return command;
    }

    private static async Task<int> RunAsync(Uri endpoint, CancellationToken cancellationToken, Action<JsonElement> show)
    {
        try
        {
            using var client = new ControlClient(endpoint);
            show(await client.GetAsync("/control/discovery", cancellationToken));
            return 0;
        }
        catch (ControlException ex)
        {
            Console.Error.WriteLine("error: " + ex.Message);
            return 1;
        }
    }
}
