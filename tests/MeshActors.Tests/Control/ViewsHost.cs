using System.Net;
using MeshActors.Control;
using MeshActors.Views.Overlay;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MeshActors.Tests.Control;

/// <summary>
/// <c>/control/views</c> served on a free loopback port exactly as <see cref="ControlServer"/> maps
/// it, over a <see cref="MeshViews"/> the test publishes into (the view manager's part), without an
/// ActorSystem: so "before the view manager starts" is a state the test controls.
/// </summary>
internal sealed class ViewsHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ViewsHost(WebApplication app, MeshViews views, Uri address) => (_app, Views, Address) = (app, views, address);

    public MeshViews Views { get; }

    public Uri Address { get; }

    public static async Task<ViewsHost> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var views = new MeshViews();
        ViewEndpoints.Map(app, views);
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return new ViewsHost(app, views, address);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
