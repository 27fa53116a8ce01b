using ECms.Protocol.Rules.Support;
using ECms.Protocol.Wire;

namespace ECms.Protocol.Rules.Notifier;

/// <summary>
/// R-NTF-ECHO (spec §6.3): LetterID + CorrespondenceDate identify a letter between the caller and the counterpart;
/// the Subject SHOULD be the original's exactly, because peers match notifiers on all three. Needs the caller and
/// the letter registry (and the directory to resolve wsa:To).
/// </summary>
public sealed class NotifierEchoesLetter : Rule
{
    public override string Id => "R-NTF-ECHO";
    public override RuleLevel Level => RuleLevel.Must;
    public override string Title => "Notifier identifies an existing letter and echoes its subject";

    public override bool AppliesTo(Operation operation) => operation.IsNotifier();

    public override bool ReadsHubState => true;

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        var found = NotifierLetter.Find(context);
        if (found.Element is not { } element)
        {
            yield break;
        }

        var notifier = found.Request!.Notifier;
        if (found.Record is not { } letter)
        {
            yield return Violation(
                $"ไม่พบหนังสือเลขที่ \"{notifier.LetterId}\" ลงวันที่ {notifier.CorrespondenceDate} ระหว่างหน่วยงาน {context.CallerOrganizationId} กับคู่กรณี",
                $"No letter \"{notifier.LetterId}\" dated {notifier.CorrespondenceDate} exists between {context.CallerOrganizationId} and the counterpart.",
                XmlPaths.Of(EcmsReader.Child(element, "LetterID") ?? element), notifier.LetterId);
            yield break;
        }

        if (EcmsReader.Child(element, "Subject") is { } subject && !string.Equals(subject.Value.Trim(), letter.Subject.Trim(), StringComparison.Ordinal))
        {
            yield return Violation(RuleLevel.Should,
                $"Subject ของหนังสือแจ้งไม่ตรงกับเรื่องของหนังสือต้นเรื่อง \"{letter.Subject}\" ระบบปลายทางใช้ค่านี้จับคู่หนังสือ",
                $"The notifier's Subject differs from the original letter's \"{letter.Subject}\"; peers match notifiers on it.",
                XmlPaths.Of(subject), subject.Value);
        }
    }
}
