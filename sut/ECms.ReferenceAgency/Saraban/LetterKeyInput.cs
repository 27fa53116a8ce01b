namespace ECms.ReferenceAgency.Saraban;

/// <summary>A letter key of the control API: the counterpart (receiver for outbound, sender for inbound), number and date.</summary>
internal sealed record LetterKeyInput(string? CounterpartOrganizationId, string? LetterId, string? CorrespondenceDate)
{
    public string? MissingPart() =>
        string.IsNullOrWhiteSpace(CounterpartOrganizationId) ? "counterpartOrganizationId"
        : string.IsNullOrWhiteSpace(LetterId) ? "letterId"
        : string.IsNullOrWhiteSpace(CorrespondenceDate) ? "correspondenceDate"
        : null;

    public override string ToString() => $"{LetterId} ({CorrespondenceDate}) with {CounterpartOrganizationId}";
}
