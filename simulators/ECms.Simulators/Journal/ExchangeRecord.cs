using System.Buffers;
using ECms.Protocol;
using ECms.Protocol.Messages;
using ECms.Protocol.Rules;
using ECms.Simulators.Faults;
using ECms.Simulators.Persistence;

namespace ECms.Simulators.Journal;

/// <summary>What the hub gathers about one exchange while serving it; frozen into a <see cref="JournalEntry"/> at the end.</summary>
internal sealed class ExchangeRecord
{
    public long Arrival { get; init; }
    public string? OrganizationId { get; set; }
    public string Path { get; set; } = "";
    public string Method { get; set; } = "";
    public string? ContentType { get; set; }
    public string? SoapAction { get; set; }
    public ReadOnlySequence<byte> RequestBody { get; set; }
    public int StatusCode { get; set; }
    public string? ResponseContentType { get; set; }
    public ReadOnlySequence<byte> ResponseBody { get; set; }
    public Operation Operation { get; set; }
    public EcmsRequest? Request { get; set; }
    public EcmsResponse? Response { get; set; }
    public IReadOnlyList<Finding> Findings { get; set; } = [];
    public ExchangeOutcome Outcome { get; set; }
    public IReadOnlyList<ErrorDetail> Errors { get; set; } = [];
    public HubFault? Fault { get; set; }
    public string? Problem { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset RespondedAt { get; set; }

    /// <summary>The hub letter the exchange concerns, for the monitor; null when the request names none.</summary>
    public LetterLink? Link { get; set; }
}
