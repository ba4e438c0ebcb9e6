using System.CommandLine;
using MeshActors.Cli.Control;

namespace MeshActors.Cli.Commands;

/// <summary>The <c>--endpoint</c> option every command that talks to a node shares.</summary>
internal static class EndpointOption
{
    public static Option<Uri> Create() => new("--endpoint", "-e")
    {
        Description = $"the node's control endpoint (default {ControlClient.DefaultEndpoint})",
        DefaultValueFactory = _ => new Uri(ControlClient.DefaultEndpoint),
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            {
                return uri;
            }

            result.AddError($"--endpoint must be an http(s) URL such as {ControlClient.DefaultEndpoint}, not '{text}'");
            return null;
        },
    };
}
