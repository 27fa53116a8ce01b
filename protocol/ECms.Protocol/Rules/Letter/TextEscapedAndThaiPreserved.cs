using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ECms.Protocol.Rules.Support;
using ECms.Protocol.Wire;

namespace ECms.Protocol.Rules.Letter;

/// <summary>
/// R-SEND-TXT: text is XML-escaped and Thai survives the trip. A raw '&amp;' or '&lt;' makes the message unreadable
/// (R-ENV-0 reports the parse failure); this rule names the unescaped character and the element it sits in. On a
/// readable letter or notifier it looks for text that was lost on the way: U+FFFD replacement characters, UTF-8
/// Thai decoded as Latin-1 ("à¸…"), question marks where Thai letters were, and text escaped twice ("&amp;amp;").
/// </summary>
public sealed partial class TextEscapedAndThaiPreserved : Rule
{
    /// <summary>A message full of raw ampersands needs a handful of examples, not one finding each.</summary>
    private const int MaxRawFindings = 5;

    private static readonly HashSet<string> BinaryFields = ["MainLetterBinaryObject", "AttachmentBinaryObject"];

    public override string Id => "R-SEND-TXT";
    public override RuleLevel Level => RuleLevel.Must;
    public override string Title => "Text XML-escaped; Thai preserved";

    public override bool AppliesTo(Operation operation) =>
        operation is Operation.Unknown or Operation.SendLetter || operation.IsNotifier();

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        if (context.LoadProblem is { Kind: XmlLoadProblemKind.NotWellFormed })
        {
            return CheckRaw(context.Raw);
        }

        return context.Envelope?.OperationElement is { } operation && context.Operation != Operation.Unknown
            ? CheckText(operation)
            : [];
    }

    private IEnumerable<Finding> CheckRaw(ReadOnlyMemory<byte> raw)
    {
        foreach (var error in RawMarkupScanner.Scan(Encoding.UTF8.GetString(raw.Span), MaxRawFindings))
        {
            var escape = error.Character == '&' ? "&amp;" : "&lt;";
            yield return Violation(
                $"พบอักขระ '{error.Character}' ที่ไม่ได้ escape ที่บรรทัด {error.Line} คอลัมน์ {error.Column} ทำให้ XML ไม่ถูกต้อง ในข้อความต้องเขียนเป็น {escape}",
                $"An unescaped '{error.Character}' at line {error.Line}, column {error.Column} makes the XML malformed; text must write it as {escape}.",
                error.Path, error.Excerpt);
        }
    }

    private IEnumerable<Finding> CheckText(XElement operation)
    {
        // Most fields are clean: the cheap character tests come first, and the element's name and path (which walk
        // the tree) are worked out only for a field that has something to report.
        foreach (var field in TextFields(operation))
        {
            var text = field.Value;
            if (text.Contains('\uFFFD', StringComparison.Ordinal))
            {
                var name = WireText.Display(field);
                yield return Violation($"<{name}> มีอักขระแทนที่ U+FFFD แสดงว่าข้อความภาษาไทยสูญหายระหว่างการแปลงรหัสอักขระ",
                    $"<{name}> contains U+FFFD replacement characters: text was lost in a character-set conversion.", XmlPaths.Of(field), text);
            }
            else if (text.Contains('à', StringComparison.Ordinal) && Latin1Thai().IsMatch(text))
            {
                var name = WireText.Display(field);
                yield return Violation($"<{name}> มีข้อความภาษาไทยที่ถูกเข้ารหัสซ้ำ (UTF-8 ถูกอ่านเป็น Latin-1 เช่น \"à¸\")",
                    $"<{name}> holds Thai encoded twice (UTF-8 read as Latin-1, e.g. \"à¸\"): the text is garbled.", XmlPaths.Of(field), text);
            }
            else if (text.Contains("??", StringComparison.Ordinal) && QuestionMarks().IsMatch(text))
            {
                var name = WireText.Display(field);
                var mangled = !WireText.HasThaiLetters(text) && !text.Any(char.IsAsciiLetter);
                yield return Violation(mangled ? RuleLevel.Must : RuleLevel.Should,
                    $"<{name}> มีเครื่องหมาย ? ต่อกันหลายตัว อาจเป็นอักษรไทยที่ถูกแทนที่เมื่อแปลงรหัสอักขระ",
                    mangled
                        ? $"<{name}> consists of question marks where text should be: Thai letters were replaced in a character-set conversion."
                        : $"<{name}> has a run of question marks, perhaps Thai letters replaced in a character-set conversion.",
                    XmlPaths.Of(field), text);
            }

            if (text.Contains('&', StringComparison.Ordinal) && DoubleEscaped().Match(text) is { Success: true } twice)
            {
                var name = WireText.Display(field);
                yield return Violation(RuleLevel.Should,
                    $"<{name}> มีข้อความ \"{twice.Value}\" หลังอ่าน XML แล้ว แสดงว่าถูก escape ซ้ำสองครั้ง",
                    $"<{name}> reads \"{twice.Value}\" after parsing: the text was escaped twice.", XmlPaths.Of(field), text);
            }
        }
    }

    /// <summary>The leaf elements that hold text: not the base64 contents, nothing inside an XML signature.</summary>
    private static IEnumerable<XElement> TextFields(XElement parent)
    {
        foreach (var child in parent.Elements())
        {
            if (child.Name.NamespaceName == EcmsNamespaces.XmlDsig)
            {
                continue;
            }

            if (!child.HasElements)
            {
                if (!BinaryFields.Contains(child.Name.LocalName))
                {
                    yield return child;
                }

                continue;
            }

            foreach (var field in TextFields(child))
            {
                yield return field;
            }
        }
    }

    [GeneratedRegex("à[¸¹]", RegexOptions.NonBacktracking)]
    private static partial Regex Latin1Thai();

    [GeneratedRegex(@"\?{3,}|\?\?[^?]*\?\?", RegexOptions.NonBacktracking)]
    private static partial Regex QuestionMarks();

    [GeneratedRegex("&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);")]
    private static partial Regex DoubleEscaped();
}
