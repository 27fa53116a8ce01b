namespace ECms.Reports.Model;

/// <summary>One rule's verdict on one place in a message, as the protocol rule engine reported it.</summary>
public sealed record FindingRecord
{
    public required string Rule { get; init; }

    public RequirementLevel Level { get; init; } = RequirementLevel.Must;

    public LocalizedText? Message { get; init; }

    /// <summary>Element path, e.g. <c>/Envelope/Body/CorrespondenceLetterOutboundRequest/…/SecretCode</c>.</summary>
    public string? Path { get; init; }

    /// <summary>The offending value as it came on the wire.</summary>
    public string? Value { get; init; }
}
