using System.Text.Json.Serialization;

namespace ECms.Conformance.Steps.Drivers.Sut;

/// <summary>A letter between the SUT and one counterpart (sut-control-api.md "letter key").</summary>
public sealed record SutLetterKey(string CounterpartOrganizationId, string LetterId, string CorrespondenceDate)
{
    public override string ToString() => $"{LetterId} ({CorrespondenceDate}) with {CounterpartOrganizationId}";
}

/// <summary>A person on the letter form.</summary>
public sealed record LetterPerson(string GivenName, string FamilyName, string JobTitle);

/// <summary>An earlier letter referred to (อ้างถึง).</summary>
public sealed record LetterReferenceInput(string LetterId, string CorrespondenceDate, string Subject);

/// <summary>A file the operator attaches: its name, type and content.</summary>
public sealed record LetterFile(string FileName, string MimeType, string ContentBase64)
{
    public static LetterFile From(string fileName, string mimeType, byte[] content) => new(fileName, mimeType, Convert.ToBase64String(content));

    [JsonIgnore]
    public byte[] Bytes => Convert.FromBase64String(ContentBase64);
}

/// <summary>
/// The send-letter payload of the control API — what an operator types into the "new letter" form. The
/// <see cref="ForOperator"/> hints say how a person would enter the same data (Thai labels, Buddhist-era dates).
/// </summary>
public sealed record LetterRequest
{
    public required string ReceiverOrganizationId { get; init; }
    public required string LetterId { get; init; }

    /// <summary>Gregorian yyyy-MM-dd, as the control API takes it.</summary>
    public required string CorrespondenceDate { get; init; }

    public required string Subject { get; init; }
    public string SecretCode { get; init; } = "001";
    public string SpeedCode { get; init; } = "001";
    public string Description { get; init; } = "";
    public string AttachmentText { get; init; } = "-";
    public LetterPerson Sender { get; init; } = new("", "", "");
    public LetterPerson Receiver { get; init; } = new("", "", "");
    public IReadOnlyList<LetterReferenceInput> References { get; init; } = [];
    public LetterFile? MainLetter { get; init; }
    public IReadOnlyList<LetterFile> Attachments { get; init; } = [];

    [JsonIgnore]
    public OperatorHints ForOperator { get; init; } = new();

    [JsonIgnore]
    public SutLetterKey Key => new(ReceiverOrganizationId, LetterId, CorrespondenceDate);
}

/// <summary>How a person enters a letter's data on a Thai screen, where it differs from the wire form.</summary>
public sealed record OperatorHints
{
    /// <summary>The date as typed on a Buddhist-era form, e.g. "11 มิ.ย. 2567".</summary>
    public string? DateAsTyped { get; init; }

    public string? SecretLabel { get; init; }

    public string? SpeedLabel { get; init; }
}

/// <summary>The five outcomes of an action (sut-control-api.md), plus the harness's view of "no answer".</summary>
public enum SutOutcome
{
    Done,
    Refused,
    HubError,
    UnknownLetter,
    NotSupported,
}

/// <summary>An error the SUT reports having received from the hub.</summary>
public sealed record SutHubError(string Code, string? Description);

/// <summary>What an action did, as the SUT (or its operator) reported it.</summary>
public sealed record SutActionResult
{
    public required SutOutcome Outcome { get; init; }
    public string? Reason { get; init; }
    public IReadOnlyList<SutHubError> Errors { get; init; } = [];
    public string? ProcessId { get; init; }
    public string? AcceptId { get; init; }
    public int? Processed { get; init; }

    /// <summary>Who reported it: "control-api" or "operator".</summary>
    public string ReportedBy { get; init; } = "control-api";

    public bool IsDone => Outcome == SutOutcome.Done;

    public override string ToString() =>
        $"{Outcome}{(Reason is null ? "" : $": {Reason}")}{(Errors.Count == 0 ? "" : $" [{string.Join(", ", Errors.Select(e => e.Code))}]")}";
}

/// <summary>The SUT's health answer (pre-flight).</summary>
public sealed record SutHealth(string? Product, string? Version, string? OrganizationId);

/// <summary>A stored file as the SUT lists it.</summary>
public sealed record SutFileView(string? MimeType, long? Size, string? Sha256);

/// <summary>A letter as the SUT shows it to its operator (GET letters/outbound|inbound).</summary>
public sealed record SutLetterView
{
    public string CounterpartOrganizationId { get; init; } = "";
    public string LetterId { get; init; } = "";
    public string CorrespondenceDate { get; init; } = "";
    public string? Subject { get; init; }
    public string? SecretCode { get; init; }
    public string? SpeedCode { get; init; }
    public string? Status { get; init; }
    public string? ProcessId { get; init; }
    public string? AcceptId { get; init; }
    public string? AcceptDate { get; init; }
    public SutFileView? MainLetter { get; init; }
    public IReadOnlyList<SutFileView> Attachments { get; init; } = [];
    public IReadOnlyList<LetterReferenceInput> References { get; init; } = [];

    public bool Matches(SutLetterKey key) =>
        CounterpartOrganizationId == key.CounterpartOrganizationId && LetterId == key.LetterId && CorrespondenceDate == key.CorrespondenceDate;
}

/// <summary>Outbound = letters the SUT sent; inbound = letters it received.</summary>
public enum SutDirection
{
    Outbound,
    Inbound,
}

/// <summary>The letter actions of the control API.</summary>
public enum SutLetterAction
{
    Acknowledge,
    Register,
    Reject,
    ReportInvalid,
    DisputeAcceptId,
    Withdraw,
    Resend,
}
