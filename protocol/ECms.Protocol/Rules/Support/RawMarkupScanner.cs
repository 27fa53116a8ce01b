using System.Xml;

namespace ECms.Protocol.Rules.Support;

/// <summary>An unescaped '&amp;' or '&lt;' in the raw text of a message that could not be parsed.</summary>
internal sealed record RawMarkupError(char Character, int Line, int Column, string Path, string Excerpt);

/// <summary>
/// Finds text that was not XML-escaped (R-SEND-TXT) in a message the parser refused: an '&amp;' that does not start
/// an entity or character reference, or a '&lt;' that cannot start markup. It walks the text with a tag stack so the
/// finding can name the element the text was in, skipping comments, CDATA and processing instructions.
/// </summary>
internal static class RawMarkupScanner
{
    private static readonly string[] PredefinedEntities = ["amp;", "lt;", "gt;", "quot;", "apos;"];

    public static IReadOnlyList<RawMarkupError> Scan(string text, int limit)
    {
        var errors = new List<RawMarkupError>();
        var open = new List<string>();
        var i = 0;
        while (i < text.Length && errors.Count < limit)
        {
            var c = text[i];
            if (c == '&')
            {
                if (!StartsReference(text, i))
                {
                    errors.Add(Error(text, i, open));
                }

                i++;
            }
            else if (c != '<')
            {
                i++;
            }
            else if (Skip(text, i, "<!--", "-->", out var next) || Skip(text, i, "<![CDATA[", "]]>", out next) || Skip(text, i, "<?", "?>", out next) || Skip(text, i, "<!", ">", out next))
            {
                i = next;
            }
            else if (i + 1 < text.Length && text[i + 1] == '/')
            {
                var end = text.IndexOf('>', i);
                var name = LocalName(text.AsSpan(i + 2, (end < 0 ? text.Length : end) - i - 2).Trim());
                var at = open.LastIndexOf(name);
                if (at >= 0)
                {
                    open.RemoveRange(at, open.Count - at);
                }

                i = end < 0 ? text.Length : end + 1;
            }
            else if (i + 1 < text.Length && XmlConvert.IsStartNCNameChar(text[i + 1]))
            {
                i = ReadStartTag(text, i, open, errors, limit);
            }
            else
            {
                errors.Add(Error(text, i, open));
                i++;
            }
        }

        return errors;
    }

    private static int ReadStartTag(string text, int start, List<string> open, List<RawMarkupError> errors, int limit)
    {
        var i = start + 1;
        while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('>' or '/'))
        {
            i++;
        }

        var name = LocalName(text.AsSpan(start + 1, i - start - 1));
        char? quote = null;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is not null)
            {
                if (c == quote)
                {
                    quote = null;
                }
                else if ((c == '<' || (c == '&' && !StartsReference(text, i))) && errors.Count < limit)
                {
                    errors.Add(Error(text, i, [.. open, name]));
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                if (text[i - 1] != '/')
                {
                    open.Add(name);
                }

                return i + 1;
            }
        }

        return text.Length;
    }

    private static bool StartsReference(string text, int ampersand)
    {
        var rest = text.AsSpan(ampersand + 1);
        foreach (var entity in PredefinedEntities)
        {
            if (rest.StartsWith(entity, StringComparison.Ordinal))
            {
                return true;
            }
        }

        if (!rest.StartsWith("#", StringComparison.Ordinal))
        {
            return false;
        }

        var hex = rest.Length > 1 && rest[1] == 'x';
        var digits = rest[(hex ? 2 : 1)..];
        var count = 0;
        while (count < digits.Length && (hex ? char.IsAsciiHexDigit(digits[count]) : char.IsAsciiDigit(digits[count])))
        {
            count++;
        }

        return count > 0 && count < digits.Length && digits[count] == ';';
    }

    private static bool Skip(string text, int at, string open, string close, out int next)
    {
        next = at;
        if (string.CompareOrdinal(text, at, open, 0, open.Length) != 0)
        {
            return false;
        }

        var end = text.IndexOf(close, at + open.Length, StringComparison.Ordinal);
        next = end < 0 ? text.Length : end + close.Length;
        return true;
    }

    private static string LocalName(ReadOnlySpan<char> qualified)
    {
        var colon = qualified.IndexOf(':');
        return (colon < 0 ? qualified : qualified[(colon + 1)..]).ToString();
    }

    private static RawMarkupError Error(string text, int index, IReadOnlyList<string> open)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        var from = Math.Max(0, index - 24);
        var to = Math.Min(text.Length, index + 24);
        var excerpt = text[from..to].ReplaceLineEndings(" ").Trim();
        return new RawMarkupError(text[index], line, index - lineStart + 1, "/" + string.Join('/', open), excerpt);
    }
}
