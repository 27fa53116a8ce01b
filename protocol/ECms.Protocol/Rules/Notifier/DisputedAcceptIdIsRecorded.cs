using ECms.Protocol.Rules.Support;
using ECms.Protocol.Wire;

namespace ECms.Protocol.Rules.Notifier;

/// <summary>
/// R-NTF-IAC: an InvalidAcceptIDNotifier disputes the receipt number the hub recorded for the letter, so its AcceptID
/// is not blank (no context needed) and equals the recorded one (needs the caller and the letter registry).
/// </summary>
public sealed class DisputedAcceptIdIsRecorded : Rule
{
    public override string Id => "R-NTF-IAC";
    public override RuleLevel Level => RuleLevel.Must;
    public override string Title => "InvalidAcceptIDNotifier disputes the recorded AcceptID";

    public override bool AppliesTo(Operation operation) => operation == Operation.SendInvalidAcceptIdNotifier;

    public override bool ReadsHubState => true;

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        if (EcmsReader.Child(context.Envelope?.OperationElement?.Elements().FirstOrDefault(), "AcceptID") is not { } acceptId)
        {
            yield break;
        }

        var value = acceptId.Value.Trim();
        var path = XmlPaths.Of(acceptId);
        if (value.Length == 0)
        {
            yield return Violation("AcceptID ของ InvalidAcceptIDNotifier ว่างเปล่า ต้องระบุเลขรับที่ต้องการแจ้งว่าผิด",
                "The AcceptID of the InvalidAcceptIDNotifier is empty; it must name the receipt number being disputed.", path, acceptId.Value);
            yield break;
        }

        if (NotifierLetter.Find(context).Record is not { } letter)
        {
            yield break;
        }

        if (letter.AcceptId is null)
        {
            yield return Violation($"หนังสือ {letter.Key.LetterId} ยังไม่มีเลขรับที่บันทึกไว้ จึงแจ้งว่าเลขรับ \"{value}\" ผิดไม่ได้",
                $"No receipt number is recorded for letter {letter.Key}, so \"{value}\" cannot be disputed.", path, value);
        }
        else if (!string.Equals(letter.AcceptId.Trim(), value, StringComparison.Ordinal))
        {
            yield return Violation($"เลขรับที่แจ้งว่าผิด \"{value}\" ไม่ตรงกับเลขรับที่บันทึกไว้ \"{letter.AcceptId}\"",
                $"The disputed receipt number \"{value}\" is not the one recorded, \"{letter.AcceptId}\".", path, value);
        }
    }
}
