using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ECms.Conformance.Steps.Drivers.Sut;

/// <summary>
/// The SUT control API v1 over HTTP (sut-control-api.md). An action the SUT answers with 501 (not-supported) is handed
/// to <see cref="ManualFallback"/> — the operator does that one step — when a fallback is set.
/// </summary>
public sealed class ControlApiSutDriver : ISutDriver
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly HttpClient _http;
    private readonly bool _ownsClient;

    public ControlApiSutDriver(Uri controlUrl, TimeSpan requestTimeout, HttpClient? http = null, string kind = "control-api")
    {
        ArgumentNullException.ThrowIfNull(controlUrl);
        ControlUrl = controlUrl.AbsoluteUri.EndsWith('/') ? controlUrl : new Uri(controlUrl.AbsoluteUri + "/");
        Kind = kind;
        _ownsClient = http is null;
        _http = http ?? new HttpClient(new SocketsHttpHandler { UseProxy = false, PooledConnectionLifetime = TimeSpan.FromMinutes(1) });
        _http.Timeout = requestTimeout;
    }

    public string Kind { get; }

    public Uri ControlUrl { get; }

    /// <summary>Who performs an action the SUT does not support automatically (501); null = report it as not supported.</summary>
    public ISutDriver? ManualFallback { get; set; }

    public async Task<SutHealth> HealthAsync(CancellationToken cancellationToken)
    {
        var (status, body) = await SendAsync(HttpMethod.Get, "health", null, cancellationToken).ConfigureAwait(false);
        if (status != HttpStatusCode.OK || body is not JsonObject health)
        {
            throw new SutUnreachableException($"GET {ControlUrl}health answered {(int)status} without the health JSON; is this the SUT control API v1?");
        }

        return new SutHealth(Text(health, "product"), Text(health, "version"), Text(health, "organizationId"));
    }

    public Task<SutActionResult> ConfigureAsync(Uri ecmsEndpoint, string organizationId, CancellationToken cancellationToken) =>
        ActAsync("configure", new { ecmsEndpoint = ecmsEndpoint.AbsoluteUri, organizationId },
            fallback => fallback.ConfigureAsync(ecmsEndpoint, organizationId, cancellationToken), cancellationToken);

    public Task<SutActionResult> RefreshDirectoryAsync(CancellationToken cancellationToken) =>
        ActAsync("refresh-directory", new { }, fallback => fallback.RefreshDirectoryAsync(cancellationToken), cancellationToken);

    public Task<SutActionResult> SendLetterAsync(LetterRequest letter, CancellationToken cancellationToken) =>
        ActAsync("send-letter", letter, fallback => fallback.SendLetterAsync(letter, cancellationToken), cancellationToken);

    public Task<SutActionResult> PollAsync(CancellationToken cancellationToken) =>
        ActAsync("poll", new { }, fallback => fallback.PollAsync(cancellationToken), cancellationToken);

    public Task<SutActionResult> LetterActionAsync(SutLetterAction action, SutLetterKey key, string? acceptId, LetterRequest? corrected, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToNode(key, Json)!.AsObject();
        if (acceptId is not null)
        {
            body["acceptId"] = acceptId;
        }

        if (corrected is not null)
        {
            body["letter"] = JsonSerializer.SerializeToNode(corrected, Json);
        }

        return ActAsync(ActionName(action), body,
            fallback => fallback.LetterActionAsync(action, key, acceptId, corrected, cancellationToken), cancellationToken);
    }

    public async Task<IReadOnlyList<SutLetterView>> FindLettersAsync(SutDirection direction, SutLetterKey key, CancellationToken cancellationToken) =>
        (await ListAsync(direction, cancellationToken).ConfigureAwait(false)).Where(l => l.Matches(key)).ToArray();

    public async Task<int> CountLettersAsync(SutDirection direction, CancellationToken cancellationToken) =>
        (await ListAsync(direction, cancellationToken).ConfigureAwait(false)).Count;

    public ValueTask DisposeAsync()
    {
        if (_ownsClient)
        {
            _http.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    internal static string ActionName(SutLetterAction action) => action switch
    {
        SutLetterAction.Acknowledge => "acknowledge",
        SutLetterAction.Register => "register",
        SutLetterAction.Reject => "reject",
        SutLetterAction.ReportInvalid => "report-invalid",
        SutLetterAction.DisputeAcceptId => "dispute-accept-id",
        SutLetterAction.Withdraw => "withdraw",
        _ => "resend",
    };

    private async Task<IReadOnlyList<SutLetterView>> ListAsync(SutDirection direction, CancellationToken cancellationToken)
    {
        var path = direction == SutDirection.Outbound ? "letters/outbound" : "letters/inbound";
        var (status, body) = await SendAsync(HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false);
        if (status != HttpStatusCode.OK || body is not JsonArray)
        {
            throw new SutUnreachableException($"GET {ControlUrl}{path} answered {(int)status} without a JSON list of letters.");
        }

        return body.Deserialize<List<SutLetterView>>(Json) ?? [];
    }

    private async Task<SutActionResult> ActAsync(string action, object body, Func<ISutDriver, Task<SutActionResult>> fallback, CancellationToken cancellationToken)
    {
        var (status, json) = await SendAsync(HttpMethod.Post, $"actions/{action}", body, cancellationToken).ConfigureAwait(false);
        var result = ToResult(action, status, json as JsonObject);
        if (result.Outcome == SutOutcome.NotSupported && ManualFallback is { } manual)
        {
            return await fallback(manual).ConfigureAwait(false);
        }

        return result;
    }

    private SutActionResult ToResult(string action, HttpStatusCode status, JsonObject? json)
    {
        var outcome = status switch
        {
            HttpStatusCode.OK => SutOutcome.Done,
            HttpStatusCode.UnprocessableEntity => SutOutcome.Refused,
            HttpStatusCode.BadGateway => SutOutcome.HubError,
            HttpStatusCode.NotFound => SutOutcome.UnknownLetter,
            HttpStatusCode.NotImplemented => SutOutcome.NotSupported,
            _ => throw new SutUnreachableException(
                $"POST {ControlUrl}actions/{action} answered HTTP {(int)status}, which the control API v1 does not define"
                + (json is null ? "." : $": {json.ToJsonString()}")),
        };
        var errors = json?["errors"] is JsonArray array
            ? array.OfType<JsonObject>().Select(e => new SutHubError(Text(e, "code") ?? "", Text(e, "description"))).ToArray()
            : [];
        return new SutActionResult
        {
            Outcome = outcome,
            Reason = json is null ? null : Text(json, "reason"),
            Errors = errors,
            ProcessId = json is null ? null : Text(json, "processId"),
            AcceptId = json is null ? null : Text(json, "acceptId"),
            Processed = json?["processed"] is JsonValue processed && processed.TryGetValue<int>(out var count) ? count : null,
        };
    }

    private async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        var url = new Uri(ControlUrl, path);
        try
        {
            using var request = new HttpRequestMessage(method, url);
            if (body is not null)
            {
                request.Content = JsonContent.Create(body, body.GetType(), options: Json);
            }

            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            JsonNode? node = null;
            if (!string.IsNullOrWhiteSpace(text))
            {
                try
                {
                    node = JsonNode.Parse(text);
                }
                catch (JsonException)
                {
                    throw new SutUnreachableException($"{method} {url} answered HTTP {(int)response.StatusCode} with a body that is not JSON.");
                }
            }

            return (response.StatusCode, node);
        }
        catch (HttpRequestException ex)
        {
            throw new SutUnreachableException($"The SUT's control API at {url} cannot be reached: {ex.Message}", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SutUnreachableException($"The SUT's control API at {url} did not answer within {_http.Timeout.TotalSeconds:0} s.", ex);
        }
    }

    private static string? Text(JsonObject json, string name) =>
        json[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
