using ECms.Protocol.Rules.Support;
using ECms.Protocol.Wire;

namespace ECms.Protocol.Rules.Notifier;

/// <summary>
/// R-NTF-ROLE (spec §5.2): Receive/Accept/Reject/Invalid come from the letter's receiver, InvalidAcceptID from its
/// sender. Needs the caller and the letter registry; silent when the letter is not found (R-NTF-ECHO's finding).
/// </summary>
public sealed class NotifierSentByRightParty : Rule
{
    public override string Id => "R-NTF-ROLE";
    public override RuleLevel Level => RuleLevel.Must;
    public override string Title => "Notifier sent by the right party of the letter";

    public override bool AppliesTo(Operation operation) => operation.IsNotifier();

    public override bool ReadsHubState => true;

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        var found = NotifierLetter.Find(context);
        if (found is not { Record: { } letter, Element: { } element })
        {
            yield break;
        }

        var kind = found.Request!.Notifier.Kind;
        var bySender = kind.IsSentByLetterSender();
        var expected = bySender ? letter.Key.SenderOrganizationId : letter.Key.ReceiverOrganizationId;
        if (context.CallerOrganizationId != expected)
        {
            var (roleTh, roleEn) = bySender ? ("ผู้ส่ง", "sender") : ("ผู้รับ", "receiver");
            yield return Violation(
                $"<{kind.ElementName()}> ต้องส่งโดย{roleTh}ของหนังสือ ({expected}) แต่ส่งโดย {context.CallerOrganizationId}",
                $"<{kind.ElementName()}> must come from the letter's {roleEn} ({expected}), but came from {context.CallerOrganizationId}.",
                XmlPaths.Of(element), context.CallerOrganizationId);
        }
    }
}
