using System.Buffers;
using ECms.Protocol;
using ECms.Protocol.Messages;
using ECms.Protocol.Rules;
using ECms.Simulators.Faults;
using ECms.Simulators.Hub;
using ECms.Simulators.Persistence;

namespace ECms.Simulators.Journal;

/// <summary>
/// One exchange as the hub saw it: the raw bytes both ways, who called (the endpoint's owner), what was asked, every
/// rule finding, whether the hub refused and why, which fault answered instead, and the hub-clock times.
/// </summary>
public sealed class JournalEntry
{
    private readonly RetainedMessage<EcmsRequest> _request;
    private readonly RetainedMessage<EcmsResponse> _response;

    internal JournalEntry(ExchangeRecord record, long sequence)
    {
        Sequence = sequence;
        Arrival = record.Arrival;
        OrganizationId = record.OrganizationId;
        Path = record.Path;
        HttpMethod = record.Method;
        ContentType = record.ContentType;
        SoapAction = record.SoapAction;
        RequestBody = record.RequestBody;
        StatusCode = record.StatusCode;
        ResponseContentType = record.ResponseContentType;
        ResponseBody = record.ResponseBody;
        Operation = record.Operation;
        Findings = record.Findings;
        Outcome = record.Outcome;
        Errors = record.Errors;
        Fault = record.Fault;
        Problem = record.Problem;
        ReceivedAt = record.ReceivedAt;
        RespondedAt = record.RespondedAt;
        Link = record.Link;
        _request = new RetainedMessage<EcmsRequest>(record.RequestBody, record.Request, ParsedMessages.Request);
        _response = new RetainedMessage<EcmsResponse>(record.ResponseBody, record.Response, ParsedMessages.Response);
    }

    /// <summary>Order of completion, from 1, without gaps: the journal's order and the number evidence cites.</summary>
    public long Sequence { get; }

    /// <summary>
    /// Order of arrival at this hub, from 1 (a hub restarted on its data file counts again from 1). It differs from
    /// <see cref="Sequence"/> when an answer is held — a delay or a lost answer — and the client's later requests
    /// finish first: ask "what did the client do next" in arrival order.
    /// </summary>
    public long Arrival { get; }

    /// <summary>The organisation that owns the endpoint the request arrived at; null for an unknown endpoint.</summary>
    public string? OrganizationId { get; }

    public string Path { get; }
    public string HttpMethod { get; }
    public string? ContentType { get; }
    public string? SoapAction { get; }
    public ReadOnlySequence<byte> RequestBody { get; }

    /// <summary>The HTTP status sent; 0 when the connection was closed without a response.</summary>
    public int StatusCode { get; }

    public string? ResponseContentType { get; }
    public ReadOnlySequence<byte> ResponseBody { get; }
    public Operation Operation { get; }

    /// <summary>The request as read by <c>EcmsReader</c>; null when the body is not a usable e-CMS request.</summary>
    public EcmsRequest? Request => _request.Value;

    /// <summary>The hub's answer as read back by <c>EcmsReader</c>; null for faults, closed connections and non-SOAP bodies.</summary>
    public EcmsResponse? Response => _response.Value;

    /// <summary>Every finding: the rule engine's and the hub's own state checks, in that order.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    public ExchangeOutcome Outcome { get; }

    /// <summary>The ErrorDetails the hub answered with (refusals, injected errors, E100/E900 in SOAP faults).</summary>
    public IReadOnlyList<ErrorDetail> Errors { get; }

    /// <summary>
    /// The injected fault that answered this request (<see cref="Outcome"/> Faulted), or that lost the hub's answer to
    /// it (kind AnswerLost: <see cref="Outcome"/> is what the hub decided and applied, <see cref="Problem"/> says what was lost).
    /// </summary>
    public HubFault? Fault { get; }

    /// <summary>Why the request was not usable, the hub failed or its answer was lost, in plain English.</summary>
    public string? Problem { get; }

    public DateTimeOffset ReceivedAt { get; }
    public DateTimeOffset RespondedAt { get; }

    internal LetterLink? Link { get; }

    public bool Rejected => Outcome == ExchangeOutcome.Rejected;

    public string RequestText => WireBytes.Text(RequestBody);

    public string ResponseText => WireBytes.Text(ResponseBody);

    public bool HasFinding(string ruleId) => Findings.Any(f => f.RuleId == ruleId);

    public override string ToString() =>
        $"#{Sequence} {OrganizationId ?? "?"} {Operation} → {Outcome} {StatusCode}" +
        (Errors.Count > 0 ? $" [{string.Join(", ", Errors.Select(e => e.Code))}]" : "") +
        (Fault is null ? "" : $" fault={Fault.Kind}");
}
