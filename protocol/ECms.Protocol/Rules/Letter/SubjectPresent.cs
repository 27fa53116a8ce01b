using ECms.Protocol.Rules.Support;
using ECms.Protocol.Wire;

namespace ECms.Protocol.Rules.Letter;

/// <summary>R-SEND-4: ram:Subject (เรื่อง) is not blank.</summary>
public sealed class SubjectPresent : Rule
{
    public override string Id => "R-SEND-4";
    public override RuleLevel Level => RuleLevel.Must;
    public override string Title => "Subject present";

    public override bool AppliesTo(Operation operation) => operation == Operation.SendLetter;

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        if (LetterXml.Field(context, "Subject") is { } subject && WireText.IsBlank(subject.Value))
        {
            yield return Violation("เรื่อง (ram:Subject) ว่างเปล่า", "The subject (ram:Subject) is empty.", XmlPaths.Of(subject), subject.Value);
        }
    }
}
