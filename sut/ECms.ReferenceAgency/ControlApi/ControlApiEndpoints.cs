using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using ECms.ReferenceAgency.Saraban;
using ECms.ReferenceAgency.Faults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ECms.ReferenceAgency.ControlApi;

/// <summary>
/// The SUT control API v1 (sut-control-api.md; documented for vendors in docs/sut-control-api.md): health, the
/// actions, and the two letter listings, mapped onto <see cref="Agency"/> with the contract's HTTP codes.
/// </summary>
internal static class ControlApiEndpoints
{
    public const string BasePath = "/ecms-test/v1";

    private static readonly string ProductVersion =
        (typeof(ControlApiEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];

    public static void Map(IEndpointRouteBuilder routes, Agency agency)
    {
        var api = routes.MapGroup(BasePath);
        api.MapGet("/health", () => Json(StatusCodes.Status200OK, new JsonObject
        {
            ["product"] = "ECms.ReferenceAgency",
            ["version"] = ProductVersion,
            ["organizationId"] = agency.OrganizationId,
            ["faults"] = new JsonArray(agency.Faults.Select(f => (JsonNode)FaultCatalogue.NameOf(f)).ToArray()),
        }));
        api.MapGet("/letters/outbound", () => Results.Json(agency.ListOutbound().Select(LetterView.From), ControlApiJson.Options, ControlApiJson.ContentType));
        api.MapGet("/letters/inbound", () => Results.Json(agency.ListInbound().Select(LetterView.From), ControlApiJson.Options, ControlApiJson.ContentType));
        api.MapPost("/actions/{action}", (string action, HttpRequest request, CancellationToken cancellationToken) =>
            RunActionAsync(agency, action, request, cancellationToken));
    }

    private static async Task<IResult> RunActionAsync(Agency agency, string action, HttpRequest request, CancellationToken cancellationToken)
    {
        JsonElement body;
        try
        {
            body = await ReadBodyAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            return BadRequest($"The request body is not JSON: {ex.Message}");
        }

        if (body.ValueKind is not (JsonValueKind.Object or JsonValueKind.Undefined or JsonValueKind.Null))
        {
            return BadRequest("The request body must be a JSON object.");
        }

        try
        {
            var result = action switch
            {
                "configure" => await agency.ConfigureAsync(Text(body, "ecmsEndpoint"), Text(body, "organizationId"), cancellationToken).ConfigureAwait(false),
                "refresh-directory" => await agency.RefreshDirectoryAsync(cancellationToken).ConfigureAwait(false),
                "send-letter" => await agency.SendLetterAsync(Read<LetterDraft>(body) ?? new LetterDraft(), cancellationToken).ConfigureAwait(false),
                "poll" => agency.TimerOnlyPolling
                    ? ActionResult.NotSupported("This agency polls on its own timer only (--timer-only-polling); wait for its next pull.")
                    : await agency.PollAsync(cancellationToken).ConfigureAwait(false),
                _ when !IsLetterAction(action) => ActionResult.NotSupported($"\"{action}\" is not an action of the control API v1."),
                _ => await RunLetterActionAsync(agency, action, body, cancellationToken).ConfigureAwait(false),
            };
            return Outcome(result);
        }
        catch (BadRequestException ex)
        {
            return BadRequest(ex.Message);
        }
    }

    private static bool IsLetterAction(string action) =>
        action is "acknowledge" or "register" or "reject" or "report-invalid" or "dispute-accept-id" or "withdraw" or "resend";

    private static async Task<ActionResult> RunLetterActionAsync(Agency agency, string action, JsonElement body, CancellationToken cancellationToken)
    {
        var key = Read<LetterKeyInput>(body) ?? new LetterKeyInput(null, null, null);
        if (key.MissingPart() is { } missing)
        {
            throw new BadRequestException($"The letter key lacks \"{missing}\"; every letter action needs counterpartOrganizationId, letterId and correspondenceDate.");
        }

        return action switch
        {
            "acknowledge" => await agency.AcknowledgeAsync(key, cancellationToken).ConfigureAwait(false),
            "register" => await agency.RegisterAsync(key, Text(body, "acceptId"), cancellationToken).ConfigureAwait(false),
            "reject" => await agency.RejectAsync(key, cancellationToken).ConfigureAwait(false),
            "report-invalid" => await agency.ReportInvalidAsync(key, cancellationToken).ConfigureAwait(false),
            "dispute-accept-id" => await agency.DisputeAcceptIdAsync(key, cancellationToken).ConfigureAwait(false),
            "withdraw" => await agency.WithdrawAsync(key, cancellationToken).ConfigureAwait(false),
            _ => await agency.ResendAsync(key, CorrectedLetter(body), cancellationToken).ConfigureAwait(false),
        };
    }

    /// <summary>
    /// The optional corrected payload of resend: canonically nested as "letter"; a flat body (key fields plus
    /// send-letter fields side by side) is read as the payload too, so either reading of the contract works.
    /// </summary>
    private static LetterDraft? CorrectedLetter(JsonElement body)
    {
        if (body.TryGetProperty("letter", out var nested) && nested.ValueKind == JsonValueKind.Object)
        {
            return Read<LetterDraft>(nested);
        }

        var flat = Read<LetterDraft>(body);
        return flat is { Subject: null, MainLetter: null, Attachments: null, References: null, Description: null, AttachmentText: null, SecretCode: null, SpeedCode: null }
            ? null
            : flat! with { LetterId = null, CorrespondenceDate = null };
    }

    private static IResult Outcome(ActionResult result)
    {
        var (status, outcome) = result.Outcome switch
        {
            ActionOutcome.Done => (StatusCodes.Status200OK, "done"),
            ActionOutcome.Refused => (StatusCodes.Status422UnprocessableEntity, "refused"),
            ActionOutcome.HubError => (StatusCodes.Status502BadGateway, "hub-error"),
            ActionOutcome.UnknownLetter => (StatusCodes.Status404NotFound, "unknown-letter"),
            _ => (StatusCodes.Status501NotImplemented, "not-supported"),
        };
        var json = new JsonObject { ["outcome"] = outcome };
        if (result.Reason is not null)
        {
            json["reason"] = result.Reason;
        }

        if (result.Outcome == ActionOutcome.HubError)
        {
            json["errors"] = new JsonArray(result.Errors.Select(e => (JsonNode)new JsonObject { ["code"] = e.Code, ["description"] = e.Description }).ToArray());
        }

        foreach (var (name, value) in result.Fields)
        {
            json[name] = JsonSerializer.SerializeToNode(value, ControlApiJson.Options);
        }

        return Json(status, json);
    }

    private static IResult BadRequest(string reason) =>
        Json(StatusCodes.Status400BadRequest, new JsonObject { ["outcome"] = "bad-request", ["reason"] = reason });

    private static IResult Json(int status, JsonObject body) =>
        Results.Text(body.ToJsonString(ControlApiJson.Options), ControlApiJson.ContentType, System.Text.Encoding.UTF8, status);

    private static async Task<JsonElement> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (buffer.Length == 0 || buffer.ToArray().All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            return default;
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }

    private static T? Read<T>(JsonElement element)
        where T : class
    {
        if (element.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return null;
        }

        try
        {
            return element.Deserialize<T>(ControlApiJson.Options);
        }
        catch (JsonException ex)
        {
            throw new BadRequestException($"The request body does not fit the contract: {ex.Message}");
        }
    }

    private static string? Text(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private sealed class BadRequestException(string message) : Exception(message);
}
