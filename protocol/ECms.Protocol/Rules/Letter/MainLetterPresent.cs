using ECms.Protocol.Rules.Support;
using ECms.Protocol.Wire;

namespace ECms.Protocol.Rules.Letter;

/// <summary>
/// R-SEND-MAIN (spec §6.1, the cover-letter rule): ram:MainLetterBinaryObject present, non-empty, valid base64,
/// mimeCode in the GetMimeCodes list; it SHOULD be application/pdf and its content SHOULD be what it claims
/// (a PDF starts with "%PDF-"). The receiver must be able to verify the letter at once.
/// </summary>
public sealed class MainLetterPresent : Rule
{
    private const string Field = "ram:MainLetterBinaryObject";

    public override string Id => "R-SEND-MAIN";
    public override RuleLevel Level => RuleLevel.Must;
    public override string Title => "Cover letter present, valid base64, allowed type, normally PDF";

    public override bool AppliesTo(Operation operation) => operation == Operation.SendLetter;

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        if (LetterXml.CorrespondenceLetter(context) is not { } letter)
        {
            yield break;
        }

        if (LetterXml.Field(context, "MainLetterBinaryObject") is not { } element)
        {
            yield return Violation("หนังสือไม่มีหนังสือนำ (ram:MainLetterBinaryObject) ผู้รับต้องได้รับตัวหนังสือเพื่อตรวจสอบได้ทันที",
                "The letter carries no cover letter (ram:MainLetterBinaryObject); the receiver must get the letter itself to verify it at once.",
                WireText.PathOfMissing(letter, "MainLetterBinaryObject"));
            yield break;
        }

        var file = BinaryContent.Of(element);
        foreach (var (issue, path, value) in BinaryChecks.Check(Field, file, context.CodeLists))
        {
            yield return Violation(issue.Level, issue.MessageTh, issue.MessageEn, path, value);
        }

        // A type outside the list already fails above; "should be PDF" is advice for the allowed ones.
        if (context.CodeLists.IsAllowedContentType(file.MimeCode) && file.BareMimeCode != "application/pdf")
        {
            yield return Violation(RuleLevel.Should, $"หนังสือนำควรเป็น application/pdf แต่ระบุเป็น \"{file.MimeCode}\"",
                $"The cover letter should be application/pdf, but is declared \"{file.MimeCode}\".", $"{XmlPaths.Of(element)}/@mimeCode", file.MimeCode);
        }

        if (!file.HasContent || !file.Inspection.IsValid || file.Inspection.DecodedLength == 0 || file.MimeCode.Length == 0)
        {
            yield break;
        }

        var mismatch = FileSignatures.Judge(Field, file.BareMimeCode, file.Inspection.Head, context.CodeLists);
        if (mismatch is null && file.BareMimeCode == "application/pdf" && !file.Inspection.LooksLikePdf)
        {
            mismatch = Issue.Should($"{Field} ระบุเป็น application/pdf แต่เนื้อหาไม่ได้ขึ้นต้นด้วย \"%PDF-\"",
                $"{Field} is declared application/pdf, but its content does not start with \"%PDF-\".");
        }

        if (mismatch is not null)
        {
            yield return Violation(mismatch.Level, mismatch.MessageTh, mismatch.MessageEn, XmlPaths.Of(element), file.MimeCode);
        }
    }
}
