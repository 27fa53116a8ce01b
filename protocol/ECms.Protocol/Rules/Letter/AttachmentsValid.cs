using ECms.Protocol.Rules.Support;
using ECms.Protocol.Wire;

namespace ECms.Protocol.Rules.Letter;

/// <summary>
/// R-SEND-ATT: every ram:AttachmentBinaryObject that is not the 2.0 client's empty placeholder carries valid base64
/// and an allowed mimeCode; the placeholder itself is INFO. Whether the content is what the mimeCode says is R-DIR-2's.
/// </summary>
public sealed class AttachmentsValid : Rule
{
    public override string Id => "R-SEND-ATT";
    public override RuleLevel Level => RuleLevel.Must;
    public override string Title => "Enclosures: valid base64 and allowed mimeCode; placeholders noted";

    public override bool AppliesTo(Operation operation) => operation == Operation.SendLetter;

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        foreach (var element in LetterXml.Fields(context, "AttachmentBinaryObject"))
        {
            var file = BinaryContent.Of(element);
            if (file.IsPlaceholder)
            {
                yield return Violation(RuleLevel.Info,
                    "ram:AttachmentBinaryObject ว่างเปล่า (ตัวยึดตำแหน่งแบบไคลเอนต์ 2.0 เมื่อไม่มีสิ่งที่ส่งมาด้วย)",
                    "ram:AttachmentBinaryObject is an empty placeholder (the 2.0 client's way of saying there is no enclosure).",
                    XmlPaths.Of(element));
                continue;
            }

            foreach (var (issue, path, value) in BinaryChecks.Check("ram:AttachmentBinaryObject", file, context.CodeLists))
            {
                yield return Violation(issue.Level, issue.MessageTh, issue.MessageEn, path, value);
            }
        }
    }
}
