using ECms.Protocol.Rules.Support;
using ECms.Protocol.Wire;

namespace ECms.Protocol.Rules.Letter;

/// <summary>
/// R-SEND-8: the sender organisation is the one owning the endpoint that received the request (needs the caller),
/// and the receiver is another organisation (needs nothing).
/// </summary>
public sealed class SenderIsCaller : Rule
{
    public override string Id => "R-SEND-8";
    public override RuleLevel Level => RuleLevel.Must;
    public override string Title => "Sender is the endpoint owner; receiver is not the sender";

    public override bool AppliesTo(Operation operation) => operation == Operation.SendLetter;

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        var sender = SenderRole.Of(context).FirstOrDefault();
        if (sender is null)
        {
            yield break;
        }

        if (context.CallerOrganizationId is { } caller && caller != sender.OrganizationId)
        {
            yield return Violation(
                $"ผู้ส่ง (SenderParty) คือ {sender.OrganizationId} แต่คำขอมาถึง endpoint ของหน่วยงาน {caller} ผู้ส่งต้องเป็นเจ้าของ endpoint",
                $"The SenderParty is {sender.OrganizationId}, but the request arrived at the endpoint of {caller}; the sender must own the endpoint.",
                sender.Path, sender.OrganizationId);
        }

        if (LetterXml.PartyCode(context, "ReceiverParty", "DepartmentOrganization") is { } receiver && receiver.Value.Trim() == sender.OrganizationId)
        {
            yield return Violation($"ผู้รับ (ReceiverParty) คือหน่วยงานเดียวกับผู้ส่ง ({sender.OrganizationId})",
                $"The ReceiverParty is the sender itself ({sender.OrganizationId}).", XmlPaths.Of(receiver), receiver.Value);
        }
    }
}
