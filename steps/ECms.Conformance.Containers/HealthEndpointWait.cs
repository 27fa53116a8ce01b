using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Containers;

namespace ECms.Conformance.Containers;

/// <summary>
/// Ready = the health URL answers 200 on 127.0.0.1. Testcontainers' own HTTP wait asks for a mapped port, and with
/// host networking nothing is mapped; its port waits need a shell in the image, and a FROM-scratch image has none.
/// Testcontainers calls this at each interval and, between calls, checks that the container has not exited.
/// </summary>
internal sealed class HealthEndpointWait(Uri healthUrl, HttpClient http, TimeSpan requestTimeout) : IWaitUntil
{
    public Uri Url => healthUrl;

    /// <summary>The last answer seen, for the "never healthy" message: "HTTP 404 Not Found", "Connection refused …".</summary>
    public string LastAnswer { get; private set; } = "no request made yet";

    public async Task<bool> UntilAsync(IContainer container)
    {
        using var deadline = new CancellationTokenSource(requestTimeout);
        try
        {
            using var response = await http.GetAsync(healthUrl, deadline.Token).ConfigureAwait(false);
            LastAnswer = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException ex)
        {
            LastAnswer = ex.Message;
            return false;
        }
        catch (OperationCanceledException)
        {
            LastAnswer = $"no answer within {requestTimeout.TotalSeconds:0.#} s";
            return false;
        }
    }
}
