using System.CommandLine;
using MeshActors.Cli.Control;

namespace MeshActors.Cli.Commands;

/// <summary><c>meshctl peers add ADDR [--fingerprint FP]</c> and <c>meshctl peers remove NODE</c>: manual introduction.</summary>
internal static class PeersCommand
{
    public static Command Build()
    {
        var command = new Command("peers", "Introduce peers by hand, or forget them");

        var addEndpoint = EndpointOption.Create();
        var address = new Argument<string>("address") { Description = "the peer's mesh transport address, host:port" };
        var fingerprint = new Option<string?>("--fingerprint") { Description = "the public-key fingerprint the peer must present (sha256:…, as printed by meshctl cert issue)" };
        var add = new Command("add", "Introduce a peer: the node probes it now and keeps it as a contact point") { addEndpoint, address, fingerprint };
        add.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                using var client = new ControlClient(parse.GetValue(addEndpoint)!);
                var (status, body) = await client.SendJsonAsync(HttpMethod.Post, "/control/peers", new { address = parse.GetValue(address), fingerprint = parse.GetValue(fingerprint) }, cancellationToken);
                switch (status)
                {
                    case 200:
                        var joined = body.GetProperty("joined").GetBoolean() ? "in a cluster" : "not in a cluster yet";
                        Console.Out.WriteLine($"introduced {body.GetProperty("nodeId").GetString()} at {body.GetProperty("address").GetString()} ({joined})");
                        return 0;
                    case 202:
                        Console.Out.WriteLine($"added {body.GetProperty("address").GetString()}, not reachable yet ({body.GetProperty("error").GetString()}); the node keeps dialling it");
                        return 0;
                    default:
                        Console.Error.WriteLine($"error: {ControlClient.ErrorOf(body)}");
                        return 1;
                }
            }
            catch (ControlException ex)
            {
                Console.Error.WriteLine("error: " + ex.Message);
                return 1;
            }
        });

        var removeEndpoint = EndpointOption.Create();
        var node = new Argument<string>("node") { Description = "the node id or address to forget" };
        var remove = new Command("remove", "Forget a peer: its manual introduction, its key pin and its peer-cache entry (membership is not changed)") { removeEndpoint, node };
        remove.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                using var client = new ControlClient(parse.GetValue(removeEndpoint)!);
                var key = parse.GetValue(node)!;
                var (status, body) = await client.SendJsonAsync(HttpMethod.Delete, "/control/peers/" + Uri.EscapeDataString(key), null, cancellationToken);
                if (status == 200)
                {
                    Console.Out.WriteLine($"forgot {key}");
                    return 0;
                }

                Console.Error.WriteLine($"error: {ControlClient.ErrorOf(body)}");
                return 1;
            }
            catch (ControlException ex)
            {
                Console.Error.WriteLine("error: " + ex.Message);
                return 1;
            }
        });

        command.Subcommands.Add(add);
        command.Subcommands.Add(remove);
        return command;
    }
}
