using ECms.Protocol;
using ECms.Protocol.Messages;

namespace ECms.Simulators.Faults;

/// <summary>
/// A fault to inject, and where and when it applies: per agency endpoint and/or operation, for the next
/// <see cref="Count"/> matching requests and/or a window of hub time. Without a count or window it applies once.
/// A request answered by a fault changes no hub state — except under <see cref="AnswerLost(TimeSpan?)"/>, which lets the
/// hub apply the request and only loses its answer.
/// </summary>
/// <example><c>hub.InjectFault(HubFault.HttpError(503).ForAgency("9900100000").ForOperation(Operation.SendLetter).Times(2));</c></example>
public sealed record HubFault
{
    private HubFault(HubFaultKind kind)
    {
        Kind = kind;
    }

    public HubFaultKind Kind { get; }
    public int StatusCode { get; private init; } = 200;
    public TimeSpan Delay { get; private init; }
    public IReadOnlyList<ErrorDetail> Errors { get; private init; } = [];

    /// <summary>Only requests to this organisation's endpoint; null = every endpoint.</summary>
    public string? OrganizationId { get; private init; }

    /// <summary>Only this operation; null = every operation, including requests the hub cannot read.</summary>
    public Operation? Operation { get; private init; }

    /// <summary>How many matching requests it answers; null = unlimited within <see cref="Window"/>.</summary>
    public int? Count { get; private init; }

    /// <summary>How long after injection (hub clock) it stays active; null = until the count is used up or it is removed.</summary>
    public TimeSpan? Window { get; private init; }

    /// <summary>Hub time from which it applies; null = at once.</summary>
    public DateTimeOffset? NotBefore { get; private init; }

    public static HubFault HttpError(int statusCode = 503)
    {
        if (statusCode is < 400 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "An injected HTTP error must be a 4xx or 5xx status.");
        }

        return new HubFault(HubFaultKind.HttpError) { StatusCode = statusCode };
    }

    public static HubFault Delayed(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(delay, TimeSpan.Zero);
        return new HubFault(HubFaultKind.Delay) { Delay = delay, StatusCode = 504 };
    }

    public static HubFault CloseConnection() => new(HubFaultKind.CloseConnection) { StatusCode = 0 };

    /// <summary>
    /// The hub processes the request as usual — a letter is committed, stored and queued; a refusal changes nothing —
    /// and then the answer is lost. Without <paramref name="holdFor"/> the connection is closed without a response (a
    /// connection broken after the commit). With it the answer is held on the hub clock for that long, ending early
    /// when the client gives up, and a 504 is sent instead (a hub slower than the client's timeout, the gateway
    /// answering for it): the client cannot tell whether the request took effect, as with a real lost answer.
    /// </summary>
    public static HubFault AnswerLost(TimeSpan? holdFor = null)
    {
        if (holdFor is { } hold)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(hold, TimeSpan.Zero, nameof(holdFor));
            return new HubFault(HubFaultKind.AnswerLost) { Delay = hold, StatusCode = 504 };
        }

        return new HubFault(HubFaultKind.AnswerLost) { StatusCode = 0 };
    }

    public static HubFault MalformedBody() => new(HubFaultKind.MalformedBody);

    public static HubFault BusinessErrors(params ErrorDetail[] errors)
    {
        if (errors.Length == 0)
        {
            throw new ArgumentException("Give at least one ErrorDetail to inject.", nameof(errors));
        }

        return new HubFault(HubFaultKind.ErrorDetails) { Errors = errors };
    }

    /// <summary>A fault exactly as a store kept it (the builders' checks and defaults were applied when it was first made).</summary>
    internal static HubFault Rebuild(
        HubFaultKind kind,
        int statusCode,
        TimeSpan delay,
        IReadOnlyList<ErrorDetail> errors,
        string? organizationId,
        Operation? operation,
        int? count,
        TimeSpan? window,
        DateTimeOffset? notBefore) => new(kind)
        {
            StatusCode = statusCode,
            Delay = delay,
            Errors = errors,
            OrganizationId = organizationId,
            Operation = operation,
            Count = count,
            Window = window,
            NotBefore = notBefore,
        };

    public HubFault ForAgency(string organizationId) => this with { OrganizationId = organizationId };

    public HubFault ForOperation(Operation operation) => this with { Operation = operation };

    public HubFault Times(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return this with { Count = count };
    }

    /// <summary>Active for this long after injection (hub clock), for any number of requests unless <see cref="Times"/> limits it.</summary>
    public HubFault For(TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        return this with { Window = window };
    }

    /// <summary>Active only from this hub time on (combine with <see cref="For"/> for a window in the future).</summary>
    public HubFault From(DateTimeOffset hubTime) => this with { NotBefore = hubTime };

    /// <summary>Whether the hub still applies the request and the fault only takes its answer away.</summary>
    public bool AppliesRequest => Kind == HubFaultKind.AnswerLost;

    public override string ToString() =>
        $"{Kind}{(Kind == HubFaultKind.HttpError ? $" {StatusCode}" : "")}{(Kind == HubFaultKind.Delay ? $" {Delay}" : "")}" +
        (Kind != HubFaultKind.AnswerLost ? "" : Delay > TimeSpan.Zero ? $" (request applied, answer held {Delay} then 504)" : " (request applied, connection closed without an answer)") +
        $" for {OrganizationId ?? "every agency"}/{(Operation?.ToString() ?? "every operation")}" +
        $"{(Count is { } c ? $" ×{c}" : "")}{(Window is { } w ? $" within {w}" : "")}";
}
