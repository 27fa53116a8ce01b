using ECms.Protocol.Rules.Support;
using ECms.Protocol.Wire;

namespace ECms.Protocol.Rules.Letter;

/// <summary>
/// R-SEND-REF: every ram:ReferenceCorrespondence (อ้างถึง) that is not the 2.0 client's all-empty placeholder has a
/// letter number, a valid date (the same date check as R-SEND-3, at this rule's SHOULD level) and a subject.
/// </summary>
public sealed class ReferencesComplete : Rule
{
    public override string Id => "R-SEND-REF";
    public override RuleLevel Level => RuleLevel.Should;
    public override string Title => "References carry number, valid date and subject";

    public override bool AppliesTo(Operation operation) => operation == Operation.SendLetter;

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        foreach (var reference in LetterXml.Fields(context, "ReferenceCorrespondence"))
        {
            var id = EcmsReader.Child(reference, "ID");
            var date = EcmsReader.Child(reference, "CorrespondenceDate");
            var subject = EcmsReader.Child(reference, "Subject");
            if (new[] { id, date, subject }.All(e => WireText.IsBlank(e?.Value)))
            {
                yield return Violation(RuleLevel.Info,
                    "ram:ReferenceCorrespondence ว่างเปล่า (ตัวยึดตำแหน่งแบบไคลเอนต์ 2.0 เมื่อไม่มีหนังสืออ้างถึง)",
                    "ram:ReferenceCorrespondence is an empty placeholder (the 2.0 client's way of saying there is no reference).",
                    XmlPaths.Of(reference));
                continue;
            }

            if (id is not null && WireText.IsBlank(id.Value))
            {
                yield return Violation("หนังสืออ้างถึงไม่มีเลขที่หนังสือ (ram:ID)", "The reference has no letter number (ram:ID).", XmlPaths.Of(id), id.Value);
            }

            if (date is not null && WireDates.CheckDate("ram:ReferenceCorrespondence/ram:CorrespondenceDate", date.Value, context.Clock) is { } issue)
            {
                var capped = issue.AtMost(Level);
                yield return Violation(capped.Level, capped.MessageTh, capped.MessageEn, XmlPaths.Of(date), date.Value);
            }

            if (subject is not null && WireText.IsBlank(subject.Value))
            {
                yield return Violation("หนังสืออ้างถึงไม่มีเรื่อง (ram:Subject)", "The reference has no subject (ram:Subject).", XmlPaths.Of(subject), subject.Value);
            }
        }
    }
}
