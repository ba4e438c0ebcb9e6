using System.Net;
using MeshActors.Configuration;
using MeshActors.Diagnostics;
using MeshActors.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MeshActors.Control;

/// <summary>
/// The HTTP control plane on its own Kestrel listener (<c>meshactors.control.*</c>), so it runs
/// the same whether the embedding host is a web app or a plain worker: health, members, labels,
/// leaders, shards, overlay views and Prometheus metrics.
/// </summary>
public sealed class ControlServer : IAsyncDisposable
{
    private readonly MeshNode _node;
    private readonly ILogger _log;
    private WebApplication? _app;

    /// <summary>Creates the server for <paramref name="node"/>.</summary>
    public ControlServer(MeshNode node, ILogger log) => (_node, _log) = (node, log);

    /// <summary>The address it listens on (with the real port when configured as 0), once started.</summary>
    public Uri? Address { get; private set; }

    /// <summary>Binds and starts serving.</summary>
    /// <exception cref="ConfigValidationException">The port cannot be bound.</exception>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var options = _node.Config.Options.Control;
        if (!options.Enabled)
        {
            MeshLog.ControlDisabled(_log);
            return;
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            if (IPAddress.TryParse(options.Host, out var ip))
            {
                k.Listen(ip, options.Port);
            }
            else if (options.Host == "localhost")
            {
                k.ListenLocalhost(options.Port);
            }
            else
            {
                k.Listen(System.Net.Dns.GetHostAddresses(options.Host)[0], options.Port);
            }
        });
        var app = builder.Build();
        HealthEndpoints.Map(app, _node);
        MemberEndpoints.Map(app, _node);
        DiscoveryEndpoints.Map(app, _node);
        LeaderEndpoints.Map(app, _node);
        EventEndpoints.Map(app, _node);
        ShardEndpoints.Map(app, _node);
        ViewEndpoints.Map(app, _node.Views);
        MetricsEndpoint.Map(app, _node);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            MeshLog.ControlBindFailed(_log, options.Host, options.Port, ex.Message);
            await app.DisposeAsync().ConfigureAwait(false);
            throw new ConfigValidationException([new ConfigError("meshactors.control.port", _node.Config.Layers.OriginOf("meshactors.control.port"), $"cannot listen on {options.Host}:{options.Port}: {ex.Message}", "choose a free port, or 0 to pick one")]);
        }

        _app = app;
        Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        MeshLog.ControlListening(_log, Address.ToString());
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await _app.StopAsync(stopping.Token).ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
            _app = null;
        }
    }
}
