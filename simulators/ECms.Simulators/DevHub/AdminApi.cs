using System.Globalization;
using System.Text.Json;
using ECms.Protocol;
using ECms.Protocol.Messages;
using ECms.Protocol.Rules;
using ECms.Simulators.Faults;
using Microsoft.AspNetCore.Http;

namespace ECms.Simulators.DevHub;

/// <summary>
/// The dev hub's admin API (docs/dev-hub.md): register an agency, switch strict/lenient, inject and clear faults,
/// shift the hub clock. Every call needs <c>Authorization: Bearer {token}</c>; anything else is 401 before the path
/// is even looked at. Bodies are small JSON objects (at most 64 KB); a bad one is 400 with a sentence saying why.
/// </summary>
internal sealed class AdminApi(DevHubServer server, AdminToken token)
{
    private const int MaxBodyBytes = 64 * 1024;
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    public async Task HandleAsync(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        var presented = authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization["Bearer ".Length..].Trim() : null;
        if (!token.Matches(presented))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"ecms-dev-hub\"";
            await WriteAsync(context, 401, new { error = "The admin API needs the header 'Authorization: Bearer <token>' with the token printed at start-up." });
            return;
        }

        try
        {
            var (status, body) = await RouteAsync(context);
            await WriteAsync(context, status, body);
        }
        catch (Exception ex) when (ex is AdminRequestException or ArgumentException or DevHubConfigurationException)
        {
            await WriteAsync(context, 400, new { error = ex.Message });
        }
        catch (InvalidOperationException ex)
        {
            // e.g. the organisation is already registered
            await WriteAsync(context, 409, new { error = ex.Message });
        }
        catch (Persistence.HubStoreException ex)
        {
            await WriteAsync(context, 500, new { error = ex.Message });
        }
    }

    private async Task<(int Status, object Body)> RouteAsync(HttpContext context)
    {
        var hub = server.Hub;
        var method = context.Request.Method;
        switch (context.Request.Path.Value)
        {
            case "/admin/status" when HttpMethods.IsGet(method):
                return (200, Status());
            case "/admin/agencies" when HttpMethods.IsPost(method):
                var agency = await ReadAsync(context);
                var entry = new AgencyEntry(Text(agency, "organizationId"), Text(agency, "thaiName"), Text(agency, "englishName"))
                {
                    MinistryId = OptionalText(agency, "ministryId"),
                    Simulate = OptionalText(agency, "simulate"),
                };
                if (hub.Agencies.Any(a => a.OrganizationId == entry.OrganizationId))
                {
                    return (409, new { error = $"Organisation {entry.OrganizationId} is already registered with this hub." });
                }

                var registered = server.Connect(entry);
                return (201, new { registered.OrganizationId, registered.ThaiName, registered.EnglishName, endpoint = registered.Endpoint.AbsoluteUri, simulated = entry.Simulate });
            case "/admin/strictness" when HttpMethods.IsPut(method):
                var wanted = Text(await ReadAsync(context), "strictness");
                hub.Strictness = Enum.TryParse<ValidationProfile>(wanted, ignoreCase: true, out var profile) && Enum.IsDefined(profile)
                    ? profile
                    : throw new AdminRequestException($"strictness must be \"strict\" or \"lenient\", not \"{wanted}\".");
                return (200, Status());
            case "/admin/faults" when HttpMethods.IsPost(method):
                var handle = hub.InjectFault(Fault(await ReadAsync(context)));
                return (201, Describe(handle));
            case "/admin/faults" when HttpMethods.IsGet(method):
                return (200, hub.ActiveFaults.Select(Describe).ToArray());
            case "/admin/faults" when HttpMethods.IsDelete(method):
                hub.ClearFaults();
                return (200, Status());
            case "/admin/clock" when HttpMethods.IsPost(method):
                var clock = await ReadAsync(context);
                if (clock.TryGetProperty("offsetSeconds", out var offset))
                {
                    hub.Clock.Offset = TimeSpan.FromSeconds(Number(offset, "offsetSeconds"));
                }
                else if (clock.TryGetProperty("shiftSeconds", out var shift))
                {
                    hub.Clock.Shift(TimeSpan.FromSeconds(Number(shift, "shiftSeconds")));
                }
                else
                {
                    throw new AdminRequestException("Send {\"shiftSeconds\": n} to move the hub clock by n seconds, or {\"offsetSeconds\": n} to set its offset.");
                }

                return (200, Status());
            default:
                return (404, new { error = $"No admin endpoint {method} {context.Request.Path}. See docs/dev-hub.md." });
        }
    }

    private object Status()
    {
        var hub = server.Hub;
        return new
        {
            strictness = hub.Strictness.ToString(),
            hubTime = hub.Clock.GetUtcNow().ToOffset(WireFormats.ThailandOffset).ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
            clockOffsetSeconds = hub.Clock.Offset.TotalSeconds,
            storage = hub.StorageLocation,
            letters = hub.AllLetters().Count,
            journalStoreFailures = hub.JournalStoreFailures,
            journalRetention = hub.Options.JournalRetention.ToString(),
            journalPruned = hub.PrunedExchanges,
            agencies = hub.Agencies.Select(a => new { a.OrganizationId, a.ThaiName, a.EnglishName, endpoint = a.Endpoint.AbsoluteUri, simulated = server.SimulatedBehaviour(a.OrganizationId) }),
            faults = hub.ActiveFaults.Select(Describe),
            restoredAtStart = hub.RestoredSettings?.Describe(),
        };
    }

    private static object Describe(FaultHandle handle) => new
    {
        kind = handle.Fault.Kind.ToString(),
        handle.Fault.StatusCode,
        delaySeconds = handle.Fault.Delay.TotalSeconds,
        handle.Fault.OrganizationId,
        operation = handle.Fault.Operation?.ToString(),
        handle.Hits,
        handle.Remaining,
        until = handle.Until,
    };

    private HubFault Fault(JsonElement body)
    {
        var kind = Text(body, "kind");
        var fault = kind switch
        {
            "http-error" => HubFault.HttpError(OptionalInt(body, "status") ?? 503),
            "delay" => HubFault.Delayed(TimeSpan.FromSeconds(OptionalNumber(body, "delaySeconds") ?? 120)),
            "close-connection" => HubFault.CloseConnection(),
            "malformed-body" => HubFault.MalformedBody(),
            "business-errors" => HubFault.BusinessErrors(Errors(body)),
            "answer-lost" => HubFault.AnswerLost(OptionalNumber(body, "delaySeconds") is { } hold
                ? hold > 0 ? TimeSpan.FromSeconds(hold) : throw new AdminRequestException("delaySeconds must be positive (leave it out to close the connection at once).")
                : null),
            _ => throw new AdminRequestException(
                $"kind must be http-error, delay, close-connection, malformed-body, business-errors or answer-lost, not \"{kind}\"."),
        };
        if (OptionalText(body, "organizationId") is { } organizationId)
        {
            if (!server.Hub.Agencies.Any(a => a.OrganizationId == organizationId))
            {
                throw new AdminRequestException($"Organisation {organizationId} is not registered with this hub.");
            }

            fault = fault.ForAgency(organizationId);
        }

        if (OptionalText(body, "operation") is { } operation)
        {
            fault = fault.ForOperation(Enum.TryParse<Operation>(operation, ignoreCase: false, out var op) && Enum.IsDefined(op) && op != Operation.Unknown
                ? op
                : throw new AdminRequestException($"operation \"{operation}\" is not an e-CMS operation (e.g. SendLetter, Pull, DeleteFromQueue)."));
        }

        if (OptionalInt(body, "times") is { } times)
        {
            fault = times > 0 ? fault.Times(times) : throw new AdminRequestException("times must be at least 1.");
        }

        if (OptionalNumber(body, "windowSeconds") is { } window)
        {
            fault = window > 0 ? fault.For(TimeSpan.FromSeconds(window)) : throw new AdminRequestException("windowSeconds must be positive.");
        }

        return fault;
    }

    private static ErrorDetail[] Errors(JsonElement body)
    {
        if (!body.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Array || errors.GetArrayLength() == 0)
        {
            throw new AdminRequestException("business-errors needs \"errors\": [{\"code\": \"E120\", \"description\": \"…\"}, …].");
        }

        return errors.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Object
            ? new ErrorDetail(Text(e, "code"), Text(e, "description"))
            : throw new AdminRequestException("Each error is an object with code and description.")).ToArray();
    }

    private static async Task<JsonElement> ReadAsync(HttpContext context)
    {
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            throw new AdminRequestException($"Admin requests are small JSON objects (at most {MaxBodyBytes / 1024} KB).");
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                throw new AdminRequestException($"Admin requests are small JSON objects (at most {MaxBodyBytes / 1024} KB).");
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            using var document = JsonDocument.Parse(buffer.ToArray(), new JsonDocumentOptions { MaxDepth = 8 });
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.Clone()
                : throw new AdminRequestException("The body must be a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new AdminRequestException($"The body is not valid JSON: {ex.Message}");
        }
    }

    private static string Text(JsonElement body, string name) =>
        OptionalText(body, name) is { Length: > 0 } text ? text : throw new AdminRequestException($"\"{name}\" is required (a string).");

    private static string? OptionalText(JsonElement body, string name) =>
        !body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : throw new AdminRequestException($"\"{name}\" must be a string.");

    private static double? OptionalNumber(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? Number(value, name) : null;

    private static int? OptionalInt(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : throw new AdminRequestException($"\"{name}\" must be a whole number.")
            : null;

    private static double Number(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number) && Math.Abs(number) <= 10 * 365 * 86400
            ? number
            : throw new AdminRequestException($"\"{name}\" must be a number of seconds (at most ten years either way).");

    private static async Task WriteAsync(HttpContext context, int status, object body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(body, Json), context.RequestAborted);
    }

    private sealed class AdminRequestException(string message) : Exception(message);
}
