using System.Net;
using System.Text.RegularExpressions;
using System.Xml;
using ECms.Reports.Text;

namespace ECms.Reports.Redaction;

/// <summary>
/// Redacts the text of named elements in a SOAP body while keeping every other byte as it travelled (the evidence
/// stays evidence). Works on text, so bodies that are not well-formed are redacted too; a well-formed body is then
/// re-read to prove no named element still holds text, and is withheld whole if one does.
/// </summary>
internal sealed partial class SoapBodyRedactor
{
    private readonly RedactionOptions _options;
    private readonly Regex _named;
    private readonly HashSet<string> _names;

    public SoapBodyRedactor(RedactionOptions options)
    {
        _options = options;
        _names = new HashSet<string>(options.Elements, StringComparer.Ordinal);
        var alternatives = string.Join('|', options.Elements.Select(Regex.Escape));
        _named = new Regex(ElementPattern(alternatives), RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5));
    }

    /// <summary>Values seen in the named elements, raw (as in bodies) and unescaped (as in messages).</summary>
    public HashSet<string> Harvested { get; } = new(StringComparer.Ordinal);

    public string Redact(string body)
    {
        var redacted = _named.Replace(body, match =>
        {
            Harvest(match.Groups["v"].Value);
            return match.Groups["v"].Value.Trim().Length == 0
                ? match.Value
                : string.Concat(match.Groups["open"].Value, System.Security.SecurityElement.Escape(_options.Replacement), match.Groups["close"].Value);
        });

        if (_options.ElidePayloads)
        {
            redacted = BinaryElement().Replace(redacted, match => match.Groups["v"].Value.Trim().Length == 0
                ? match.Value
                : string.Concat(match.Groups["open"].Value, Base64Payload.Describe(match.Groups["v"].Value), match.Groups["close"].Value));
        }

        return Leftovers(redacted) ? $"[{_options.Replacement}: this body could not be redacted element by element and is withheld]" : redacted;
    }

    /// <summary>True when a well-formed body still has text in a named element (a shape the pattern missed).</summary>
    private bool Leftovers(string body)
    {
        var leftover = false;
        try
        {
            using var reader = SafeXml.Read(body);
            var inside = 0;
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && _names.Contains(reader.LocalName) && !reader.IsEmptyElement)
                {
                    inside++;
                }
                else if (reader.NodeType == XmlNodeType.EndElement && _names.Contains(reader.LocalName))
                {
                    inside--;
                }
                else if (inside > 0 && reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA
                    && reader.Value.Trim().Length > 0 && reader.Value != _options.Replacement)
                {
                    Harvest(reader.Value);
                    leftover = true;
                }
            }
        }
        catch (XmlException)
        {
            // Not XML: the pattern and the sweep of harvested values are all that can be done.
        }

        return leftover;
    }

    private void Harvest(string raw)
    {
        var withoutMarkup = Markup().Replace(raw, match => match.Groups["cdata"].Success ? match.Groups["cdata"].Value : "").Trim();
        foreach (var value in new[] { raw.Trim(), withoutMarkup, WebUtility.HtmlDecode(withoutMarkup) })
        {
            if (value.Length >= _options.MinimumSweepLength && !value.Contains('<', StringComparison.Ordinal))
            {
                Harvested.Add(value);
            }
        }
    }

    // <p:Name attrs>content</p:Name>; content may hold CDATA, comments and processing instructions but no child element.
    private static string ElementPattern(string names) =>
        $@"(?<open><(?<p>[A-Za-z_][\w.\-]*:|)(?<n>{names})(?:\s[^>]*)?(?<!/)>)(?<v>(?:[^<]|<!\[CDATA\[.*?\]\]>|<!--.*?-->|<\?.*?\?>)*)(?<close></\k<p>\k<n>\s*>)";

    [GeneratedRegex(@"(?<open><(?<p>[A-Za-z_][\w.\-]*:|)(?<n>\w*BinaryObject)(?:\s[^>]*)?(?<!/)>)(?<v>[^<]*)(?<close></\k<p>\k<n>\s*>)", RegexOptions.CultureInvariant)]
    private static partial Regex BinaryElement();

    [GeneratedRegex(@"<!\[CDATA\[(?<cdata>.*?)\]\]>|<!--.*?-->|<\?.*?\?>", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Markup();
}
