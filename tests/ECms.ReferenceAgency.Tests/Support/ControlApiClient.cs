using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ECms.ReferenceAgency.Tests.Support;

/// <summary>
/// A client of the SUT control API v1 written from sut-control-api.md alone: raw HTTP and JSON, no type shared with
/// the agency, so what these tests prove holds for any SUT that implements the contract.
/// </summary>
public sealed class ControlApiClient(Uri controlUrl) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = controlUrl.AbsoluteUri.EndsWith('/') ? controlUrl : new Uri(controlUrl.AbsoluteUri + "/") };

    public async Task<ControlResponse> HealthAsync() => await GetAsync("health");

    public async Task<ControlResponse> ActionAsync(string action, object? body = null)
    {
        using var content = new StringContent(body is null ? "" : JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync("actions/" + action, content);
        return await ControlResponse.ReadAsync(response);
    }

    /// <summary>POSTs raw text, for malformed-request cases.</summary>
    public async Task<ControlResponse> RawActionAsync(string action, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync("actions/" + action, content);
        return await ControlResponse.ReadAsync(response);
    }

    public async Task<JsonArray> OutboundAsync() => (await GetAsync("letters/outbound")).Array;

    public async Task<JsonArray> InboundAsync() => (await GetAsync("letters/inbound")).Array;

    public void Dispose() => _http.Dispose();

    private async Task<ControlResponse> GetAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        return await ControlResponse.ReadAsync(response);
    }
}

/// <summary>An answer of the control API: the HTTP status, the Content-Type, the raw text and the parsed JSON.</summary>
public sealed record ControlResponse(HttpStatusCode Status, string? ContentType, string Text, JsonNode? Json)
{
    public string? Outcome => (Json as JsonObject)?["outcome"]?.GetValue<string>();

    public JsonObject Body => Json as JsonObject ?? throw new InvalidOperationException($"Not a JSON object: {Text}");

    public JsonArray Array => Json as JsonArray ?? throw new InvalidOperationException($"Not a JSON array: {Text}");

    public string? this[string name] => Body[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public static async Task<ControlResponse> ReadAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes);
        JsonNode? json = null;
        try
        {
            json = text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            // Left null: the assertion on the body will say what came.
        }

        return new ControlResponse(response.StatusCode, response.Content.Headers.ContentType?.ToString(), text, json);
    }

    public override string ToString() => $"{(int)Status} {Text}";
}
