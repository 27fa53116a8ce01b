using System.Runtime.CompilerServices;
using System.Xml.Linq;
using ECms.Protocol.Messages;

namespace ECms.Protocol.Rules.Support;

/// <summary>
/// A ram:MainLetterBinaryObject or ram:AttachmentBinaryObject as the rules see it: the mimeCode attribute, the base64
/// text, and its inspection — computed once per element, because R-SEND-MAIN, R-SEND-ATT and R-DIR-2 all need it
/// and a letter may carry tens of megabytes.
/// </summary>
internal sealed class BinaryContent
{
    private static readonly ConditionalWeakTable<XElement, BinaryContent> Cache = [];
    private readonly Lazy<Base64Inspection> _inspection;

    private BinaryContent(XElement element)
    {
        Element = element;
        MimeCode = element.Attribute("mimeCode")?.Value.Trim() ?? "";
        var document = new BinaryDocument(MimeCode, element.Value);
        _inspection = new Lazy<Base64Inspection>(document.Inspect);
    }

    public XElement Element { get; }

    /// <summary>The unqualified mimeCode attribute, trimmed; empty when absent.</summary>
    public string MimeCode { get; }

    public bool HasContent => !WireText.IsBlank(Element.Value);

    /// <summary>The 2.0 client's empty placeholder: no mimeCode and no content (spec §3.1).</summary>
    public bool IsPlaceholder => MimeCode.Length == 0 && !HasContent;

    public Base64Inspection Inspection => _inspection.Value;

    /// <summary>The declared media type without parameters, lower case.</summary>
    public string BareMimeCode => MimeCode.Split(';', 2)[0].Trim().ToLowerInvariant();

    public static BinaryContent Of(XElement element) => Cache.GetValue(element, e => new BinaryContent(e));
}
