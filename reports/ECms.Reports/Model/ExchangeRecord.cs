namespace ECms.Reports.Model;

/// <summary>
/// One HTTP exchange the fake hub journaled: who called which endpoint with what, and what the hub answered.
/// Bodies are the UTF-8 text as it travelled (base64 payloads kept raw); a response is null when none came
/// (the caller hung up, the hub was told to hang).
/// </summary>
public sealed record ExchangeRecord
{
    public required string Id { get; init; }

    public long Sequence { get; init; }

    /// <summary>Hub clock when the request arrived.</summary>
    public DateTimeOffset? Time { get; init; }

    /// <summary>The endpoint that was called, e.g. <c>http://127.0.0.1:5000/9900100000/ecms-ws01/service2</c>.</summary>
    public string? Endpoint { get; init; }

    /// <summary>The organisation whose endpoint was called, i.e. the caller (every agency calls only its own endpoint).</summary>
    public string? OrganizationId { get; init; }

    /// <summary>The <c>wsa:To</c> header: the counterpart for letters and notifiers.</summary>
    public string? AddressedTo { get; init; }

    /// <summary>The operation (the body's first child), e.g. <c>CorrespondenceLetterOutboundRequest</c>.</summary>
    public string? Operation { get; init; }

    public string? HttpMethod { get; init; }

    public string? ContentType { get; init; }

    /// <summary>HTTP status of the response; null when there was none.</summary>
    public int? Status { get; init; }

    public string? RequestBody { get; init; }

    public string? ResponseBody { get; init; }

    /// <summary>SHA-256 (hex) of the request bytes as received, kept when the body is redacted.</summary>
    public string? RequestSha256 { get; init; }

    public string? ResponseSha256 { get; init; }

    public IReadOnlyList<FindingRecord> Findings { get; init; } = [];

    /// <summary>The fault the harness injected into this exchange, if any (e.g. <c>http-503</c>).</summary>
    public string? InjectedFault { get; init; }

    /// <summary>True when the hub refused the request with an error.</summary>
    public bool Rejected { get; init; }

    /// <summary>The hub's <c>ErrorDetail</c> entries.</summary>
    public IReadOnlyList<ExchangeError> Errors { get; init; } = [];
}
