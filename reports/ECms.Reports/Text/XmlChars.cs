using System.Text;
using System.Xml;

namespace ECms.Reports.Text;

internal static class XmlChars
{
    /// <summary>
    /// Text from a run may hold characters XML 1.0 cannot carry (control characters, lone surrogates, sent by a broken
    /// SUT on purpose or not); they become U+FFFD so the XML artifact stays well-formed.
    /// </summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        StringBuilder? cleaned = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c);
            if (pair || XmlConvert.IsXmlChar(c))
            {
                cleaned?.Append(c);
                if (pair)
                {
                    cleaned?.Append(text[i + 1]);
                    i++;
                }

                continue;
            }

            cleaned ??= new StringBuilder(text, 0, i, text.Length);
            cleaned.Append('\uFFFD');
        }

        return cleaned?.ToString() ?? text;
    }
}
