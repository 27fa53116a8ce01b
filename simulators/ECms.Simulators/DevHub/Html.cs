using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using ECms.Protocol;

namespace ECms.Simulators.DevHub;

/// <summary>A small HTML writer whose every text goes through HTML encoding: subjects, names and bodies come from strangers.</summary>
internal sealed class Html
{
    // Thai and other letters stay readable in the source; markup characters (< > & " ' and friends) are always encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly StringBuilder _text = new();

    public Html Raw(string markup)
    {
        _text.Append(markup);
        return this;
    }

    public Html Text(string? text)
    {
        _text.Append(Encode(text));
        return this;
    }

    /// <summary>&lt;tag class&gt;text&lt;/tag&gt;, the text encoded.</summary>
    public Html Element(string tag, string? text, string? cssClass = null)
    {
        _text.Append('<').Append(tag);
        if (cssClass is not null)
        {
            _text.Append(" class=\"").Append(Encoder.Encode(cssClass)).Append('"');
        }

        _text.Append('>').Append(Encode(text)).Append("</").Append(tag).Append('>');
        return this;
    }

    public Html Link(string href, string text)
    {
        _text.Append("<a href=\"").Append(Encoder.Encode(href)).Append("\">").Append(Encoder.Encode(text)).Append("</a>");
        return this;
    }

    /// <summary>Line breaks stay line breaks (pretty-printed SOAP in &lt;pre&gt; stays readable in the page source).</summary>
    private static string Encode(string? text) =>
        string.Join('\n', (text ?? "").Split('\n').Select(line => Encoder.Encode(line)));

    public static string Time(DateTimeOffset? at) =>
        at?.ToOffset(WireFormats.ThailandOffset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "";

    public static string Query(params (string Name, string? Value)[] parameters) =>
        string.Join("&", parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}"));

    public override string ToString() => _text.ToString();
}
