using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace MeshActors.Tests.Discovery.Fixtures;

/// <summary>
/// A real Kestrel HTTPS server on 127.0.0.1 (port 0), with a certificate from
/// <see cref="TestCertificateAuthority"/>. Each request is recorded and answered by a handler
/// the test can swap at any time.
/// </summary>
internal sealed class FixtureHttpsServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private volatile Func<HttpContext, RecordedRequest, Task> _handler;

    private FixtureHttpsServer(WebApplication app, Func<HttpContext, Task> handler)
    {
        _app = app;
        _handler = (context, _) => handler(context);
    }

    /// <summary>The server's base URL, e.g. <c>https://127.0.0.1:54321</c>.</summary>
    public Uri BaseUri { get; private set; } = null!;

    /// <summary>The PEM file of the CA that issued the server's certificate.</summary>
    public static string CaPemPath => TestCertificateAuthority.Instance.CaPemPath;

    /// <summary>Every request received so far, in order.</summary>
    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Starts a server answering with <paramref name="handler"/>.</summary>
    public static async Task<FixtureHttpsServer> StartAsync(Func<HttpContext, Task> handler)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
            k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(TestCertificateAuthority.Instance.ServerCertificate)));
        var app = builder.Build();
        var server = new FixtureHttpsServer(app, handler);
        app.Run(server.HandleAsync);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseUri = new Uri(address);
        return server;
    }

    /// <summary>A handler that always answers <paramref name="status"/> with <paramref name="body"/>.</summary>
    public static Func<HttpContext, Task> Answer(int status, string body, string contentType = "application/json") => async context =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        await context.Response.WriteAsync(body);
    };

    /// <summary>Replaces the handler for later requests.</summary>
    public void Respond(Func<HttpContext, Task> handler) => _handler = (context, _) => handler(context);

    /// <summary>Replaces the handler with one that also sees the recorded request (its body already read).</summary>
    public void Respond(Func<HttpContext, RecordedRequest, Task> handler) => _handler = handler;

    /// <summary>Replaces the handler with a fixed answer.</summary>
    public void Respond(int status, string body, string contentType = "application/json") => Respond(Answer(status, body, contentType));

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        context.Request.EnableBuffering();
        using var reader = new StreamReader(context.Request.Body, leaveOpen: true);
        var body = await reader.ReadToEndAsync();
        context.Request.Body.Position = 0;
        var request = new RecordedRequest(
            context.Request.Method,
            context.Request.Path + context.Request.QueryString,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body);
        Requests.Enqueue(request);
        await _handler(context, request);
    }
}
