using System.Globalization;
using System.Text;
using System.Xml;

namespace ECms.Protocol.Wire;

/// <summary>
/// Free text (a parser's complaint, a fault string, an error description) made safe to write as XML content. The
/// text may quote what a stranger sent — the .NET parser puts the very character it refuses into its message — or be
/// cut in the middle of a surrogate pair; written as is, it would make the XmlWriter throw while answering.
/// </summary>
internal static class XmlChars
{
    /// <summary>The text with every character XML cannot carry (controls, lone surrogates, U+FFFE/U+FFFF) shown as U+XXXX.</summary>
    public static string Printable(string text)
    {
        var bad = FirstInvalid(text);
        if (bad < 0)
        {
            return text;
        }

        var printable = new StringBuilder(text.Length + 8).Append(text, 0, bad);
        for (var i = bad; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                printable.Append(c).Append(text[i + 1]);
                i++;
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                printable.Append(c);
            }
            else
            {
                printable.Append(CultureInfo.InvariantCulture, $"U+{(int)c:X4}");
            }
        }

        return printable.ToString();
    }

    private static int FirstInvalid(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (!XmlConvert.IsXmlChar(c))
            {
                return i;
            }
        }

        return -1;
    }
}
