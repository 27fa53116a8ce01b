using ECms.Protocol.Messages;
using ECms.Protocol.Rules.Support;
using ECms.Protocol.Wire;

namespace ECms.Protocol.Rules.Letter;

/// <summary>
/// What R-SEND-5 and R-SEND-6 share: a classification field holding a 3-digit zero-padded code from a list the hub
/// serves (spec §8.2). The list is the context's, so a hub configured with SecretCode 005 accepts it.
/// </summary>
public abstract class CodeFieldRule : Rule
{
    public override RuleLevel Level => RuleLevel.Must;

    public override bool AppliesTo(Operation operation) => operation == Operation.SendLetter;

    /// <summary>The local name of the field inside ram:CorrespondenceLetter.</summary>
    protected abstract string FieldName { get; }

    /// <summary>The directory call that serves the list, quoted in messages.</summary>
    protected abstract string ListOperation { get; }

    protected abstract IReadOnlyList<CodeValue> Codes(CodeLists.CodeLists lists);

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        if (LetterXml.Field(context, FieldName) is not { } field)
        {
            yield break;
        }

        var value = field.Value;
        var codes = Codes(context.CodeLists);
        var known = string.Join(", ", codes.Select(c => c.Value));
        var name = $"ram:{FieldName}";
        if (!WireText.IsAsciiDigits(value, 3))
        {
            var padded = value.Trim().PadLeft(3, '0');
            var (hintTh, hintEn) = value.Trim().Length is 1 or 2 && codes.Any(c => c.Value == padded)
                ? ($" (หมายถึง \"{padded}\"?)", $" (did you mean \"{padded}\"?)")
                : ("", "");
            yield return Violation($"{name} \"{value}\" ต้องเป็นรหัสตัวเลข 3 หลักเติมศูนย์ข้างหน้า{hintTh}",
                $"{name} \"{value}\" must be a 3-digit zero-padded code{hintEn}.", XmlPaths.Of(field), value);
        }
        else if (codes.All(c => c.Value != value))
        {
            yield return Violation($"{name} \"{value}\" ไม่อยู่ในรายการที่ {ListOperation} ให้บริการ ({known})",
                $"{name} \"{value}\" is not in the list served by {ListOperation} ({known}).", XmlPaths.Of(field), value);
        }
    }
}
