namespace ECms.Protocol.Messages;

/// <summary>The hub-side identity of a letter (spec §6.2): SenderOrg + ReceiverOrg + LetterID + CorrespondenceDate.</summary>
public readonly record struct LetterKey(
    string SenderOrganizationId,
    string ReceiverOrganizationId,
    string LetterId,
    string CorrespondenceDate)
{
    public override string ToString() =>
        $"{LetterId} ({CorrespondenceDate}) {SenderOrganizationId}→{ReceiverOrganizationId}";
}
