using System.Net;
using MeshActors.Configuration;
using MeshActors.Diagnostics;
using MeshActors.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MeshActors.Control;

/// <summary>
/// The HTTP control plane on its own Kestrel listener (<c>meshactors.control.*</c>), so it runs
/// the same whether the embedding host is a web app or a plain worker.
/// </summary>
public sealed class ControlServer : IHostedService, IAsyncDisposable
{
    private readonly MeshNode _node;
    private readonly TimeProvider _time;
    private readonly ILogger<ControlServer> _log;
    private WebApplication? _app;

    /// <summary>Creates the server for <paramref name="node"/>.</summary>
    public ControlServer(MeshNode node, TimeProvider time, ILogger<ControlServer> log)
    {
        _node = node;
        _time = time;
        _log = log;
    }

    /// <summary>The address it listens on (with the real port when configured as 0), once started.</summary>
    public Uri? Address { get; private set; }

    /// <summary>Binds and starts serving; fails with a clear log line if the port is taken.</summary>
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
        HealthEndpoints.Map(app, _node, _time);
        ConnectionEndpoints.Map(app, _node);
        MemberEndpoints.Map(app, _node);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        catch (IOException ex)
        {
            MeshLog.ControlBindFailed(_log, options.Host, options.Port, ex.Message);
            await app.DisposeAsync().ConfigureAwait(false);
            throw new ConfigValidationException([new ConfigError("meshactors.control.port", null, $"cannot listen on {options.Host}:{options.Port}: {ex.Message}", "choose a free port, or 0 to pick one")]);
        }

        _app = app;
        var bound = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Address = new Uri(bound);
        MeshLog.ControlListening(_log, Address.ToString());
    }

    /// <summary>Stops serving; in-flight requests get the host's shutdown timeout to finish.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync().ConfigureAwait(false);
            _app = null;
        }
    }
}
