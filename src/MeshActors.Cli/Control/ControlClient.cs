using System.Net.Http.Json;
using System.Text.Json;

namespace MeshActors.Cli.Control;

/// <summary>Talks to a node's control endpoint; every failure becomes a sentence for the operator.</summary>
internal sealed class ControlClient(Uri endpoint) : IDisposable
{
    /// <summary>The local node's default control endpoint (meshactors.control defaults).</summary>
    public const string DefaultEndpoint = "http://127.0.0.1:7070";

    private readonly HttpClient _http = new() { BaseAddress = endpoint, Timeout = TimeSpan.FromSeconds(10) };

    public async Task<JsonElement> GetAsync(string path, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await _http.GetAsync(path, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new ControlException($"cannot reach the control endpoint at {endpoint} ({ex.Message}). Is the node running? Point at it with --endpoint http://HOST:PORT");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ControlException($"the control endpoint at {endpoint} did not answer within 10 s");
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new ControlException($"{endpoint}{path.TrimStart('/')} answered HTTP {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
            }

            return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        }
    }

    public void Dispose() => _http.Dispose();
}
