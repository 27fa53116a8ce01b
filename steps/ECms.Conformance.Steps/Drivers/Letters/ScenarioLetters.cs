using System.Globalization;
using ECms.Conformance.Steps.Drivers.Sut;
using ECms.Protocol;
using ECms.Protocol.Messages;

namespace ECms.Conformance.Steps.Drivers.Letters;

/// <summary>
/// The letters of one scenario: fresh numbers, the letters the SUT sent and the ones the peers sent it. "The letter"
/// in a step is the latest of the kind the step is about (the SUT's own for sender steps, the received one for receiver steps).
/// </summary>
public sealed class ScenarioLetters(string itemId, Func<int> nextNumber, TimeProvider clock, string sutOrganizationId)
{
    private readonly List<OutboundLetter> _outbound = [];
    private readonly List<Letter> _inbound = [];

    public IReadOnlyList<OutboundLetter> Outbound => _outbound;

    public IReadOnlyList<Letter> Inbound => _inbound;

    public OutboundLetter? CurrentOutbound => _outbound.Count == 0 ? null : _outbound[^1];

    public Letter? CurrentInbound => _inbound.Count == 0 ? null : _inbound[^1];

    /// <summary>The receipt number the SUT gave the current received letter, once it registered it.</summary>
    public string? SutAcceptId { get; set; }

    /// <summary>Receipt numbers the SUT used in this scenario, in order.</summary>
    public List<string> SutAcceptIds { get; } = [];

    public string NewLetterId() => string.Create(CultureInfo.InvariantCulture, $"ทส {itemId}/{nextNumber()}");

    public string NewReceiptNumber() =>
        string.Create(CultureInfo.InvariantCulture, $"รับ {WireFormats.BuddhistEraYear(Today)}/{nextNumber():D5}");

    public DateOnly Today => WireFormats.ThaiToday(clock);

    /// <summary>
    /// A fresh letter to <paramref name="receiver"/>: Thai subject with Thai digits, codes 001, a PDF cover letter. No
    /// "&amp;": the checklist tests escaping where it asks for it (A2, D2 and D5 after it, group E), and a SUT that
    /// breaks on "&amp;" must fail those items, not every item that happens to send a letter.
    /// </summary>
    public LetterRequest Standard(string receiver, string? subject = null)
    {
        var letterId = NewLetterId();
        subject ??= $"ขอความอนุเคราะห์ข้อมูลสถิติการใช้บริการ ปี ๒๕๖๖ และ 2567 ({letterId})";
        return new LetterRequest
        {
            ReceiverOrganizationId = receiver,
            LetterId = letterId,
            CorrespondenceDate = WireFormats.FormatDate(Today),
            Subject = subject,
            Description = "หนังสือทดสอบความสอดคล้อง e-CMS 2.0",
            Sender = new LetterPerson("วรรณา", "ทดลองดี", "ผู้อำนวยการกองทดสอบระบบ"),
            Receiver = new LetterPerson("", "", "อธิบดีหน่วยงานคู่ทดสอบ"),
            MainLetter = LetterFile.From("cover.pdf", "application/pdf", TestFiles.Pdf(subject)),
        };
    }

    public OutboundLetter AddOutbound(LetterRequest request, SutActionResult result, long mark)
    {
        var letter = new OutboundLetter(request, new LetterKey(sutOrganizationId, request.ReceiverOrganizationId, request.LetterId, request.CorrespondenceDate), result) { Mark = mark };
        _outbound.Add(letter);
        return letter;
    }

    /// <summary>Where the run hub's journal stood when the peer sent each received letter (a resent letter reuses its number).</summary>
    public Dictionary<Letter, long> InboundMarks { get; } = new(ReferenceEqualityComparer.Instance);

    public void AddInbound(Letter letter, long mark)
    {
        _inbound.Add(letter);
        InboundMarks[letter] = mark;
    }

    public OutboundLetter RequireOutbound() =>
        CurrentOutbound ?? throw new InvalidOperationException("The scenario refers to the system's letter before the system sent one; a Given step is missing.");

    public Letter RequireInbound() =>
        CurrentInbound ?? throw new InvalidOperationException("The scenario refers to a received letter before the peer sent one; a Given step is missing.");
}

/// <summary>A letter the operator asked the SUT to send, its hub key and what the SUT answered.</summary>
public sealed record OutboundLetter(LetterRequest Request, LetterKey Key, SutActionResult Result)
{
    public SutLetterKey SutKey => Request.Key;

    /// <summary>Where the current hub's journal stood just before the SUT was asked to send it.</summary>
    public long Mark { get; init; }
}
