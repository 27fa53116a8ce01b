using ECms.Protocol.Rules.Support;
using ECms.Protocol.Wire;

namespace ECms.Protocol.Rules.Directory;

/// <summary>
/// R-DIR-2 (spec §5.7, §8.3): an agency restricts uploads to the GetMimeCodes types (and offers only the
/// GetSecretCodes/GetSpeedCodes values — each letter's codes are R-SEND-5/6's). Seen in one message: an enclosure
/// whose content, recognised by its signature, is of a type outside the list, or of another type than its mimeCode
/// says, slipped past that restriction. The cover letter gets the same check under R-SEND-MAIN.
/// </summary>
public sealed class UploadsWithinMimeCodes : Rule
{
    public override string Id => "R-DIR-2";
    public override RuleLevel Level => RuleLevel.Should;
    public override string Title => "Uploads restricted to GetMimeCodes types";

    public override bool AppliesTo(Operation operation) => operation == Operation.SendLetter;

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        foreach (var element in LetterXml.Fields(context, "AttachmentBinaryObject"))
        {
            var file = BinaryContent.Of(element);
            if (file.MimeCode.Length == 0 || !file.HasContent || !file.Inspection.IsValid)
            {
                continue;
            }

            if (FileSignatures.Judge("ram:AttachmentBinaryObject", file.BareMimeCode, file.Inspection.Head, context.CodeLists) is { } issue)
            {
                yield return Violation(issue.Level, issue.MessageTh, issue.MessageEn, XmlPaths.Of(element), file.MimeCode);
            }
        }
    }
}
