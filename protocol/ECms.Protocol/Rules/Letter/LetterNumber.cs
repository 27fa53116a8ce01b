using ECms.Protocol.Rules.Support;
using ECms.Protocol.Wire;

namespace ECms.Protocol.Rules.Letter;

/// <summary>R-SEND-2: ram:ID, the letter number (เลขที่หนังสือ), is not blank and at most 255 characters [HARNESS limit].</summary>
public sealed class LetterNumber : Rule
{
    public const int MaxLength = 255;

    public override string Id => "R-SEND-2";
    public override RuleLevel Level => RuleLevel.Must;
    public override string Title => "Letter number present, at most 255 characters";

    public override bool AppliesTo(Operation operation) => operation == Operation.SendLetter;

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        if (LetterXml.Field(context, "ID") is not { } id)
        {
            yield break;
        }

        if (WireText.IsBlank(id.Value))
        {
            yield return Violation("เลขที่หนังสือ (ram:ID) ว่างเปล่า", "The letter number (ram:ID) is empty.", XmlPaths.Of(id), id.Value);
        }
        else if (id.Value.Length > MaxLength)
        {
            yield return Violation($"เลขที่หนังสือ (ram:ID) ยาว {id.Value.Length} ตัวอักษร เกินขีดจำกัด {MaxLength}",
                $"The letter number (ram:ID) is {id.Value.Length} characters long, over the limit of {MaxLength}.", XmlPaths.Of(id), id.Value);
        }
    }
}
