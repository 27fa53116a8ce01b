using ECms.Protocol.Lifecycle;
using ECms.Protocol.Messages;
using ECms.Protocol.Rules.Support;

namespace ECms.Protocol.Rules.Letter;

/// <summary>
/// R-SEND-DUP (spec §6.2): a letter whose key (sender, receiver, number, date) belongs to an active letter is a
/// duplicate; only a withdrawn letter may be sent again. The verdict is <see cref="LetterLifecycle"/>'s. Needs the
/// letter registry.
/// </summary>
public sealed class NotDuplicateOfActiveLetter : Rule
{
    public override string Id => "R-SEND-DUP";
    public override RuleLevel Level => RuleLevel.Must;
    public override string Title => "Not a duplicate of an active letter";

    public override bool AppliesTo(Operation operation) => operation == Operation.SendLetter;

    public override bool ReadsHubState => true;

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        if (context.Letters is not { } letters || context.Request is not SendLetterRequest send || LetterXml.Field(context, "ID") is not { } id)
        {
            yield break;
        }

        var key = send.Letter.Key;
        if (letters.Find(key) is not { } existing)
        {
            yield break;
        }

        var verdict = LetterLifecycle.Evaluate(existing.State, LetterEvent.Resend, context.Profile);
        if (!verdict.Allowed)
        {
            yield return Violation(
                $"มีหนังสือเลขที่ {key.LetterId} ลงวันที่ {key.CorrespondenceDate} จาก {key.SenderOrganizationId} ถึง {key.ReceiverOrganizationId} ที่ยังใช้งานอยู่ (สถานะ {existing.State}) ต้องขอลบหนังสือเดิมก่อนส่งใหม่",
                $"An active letter {key} already exists (state {existing.State}): {verdict.Refusal}. Withdraw it before sending again.",
                Wire.XmlPaths.Of(id), key.LetterId);
        }
    }
}
