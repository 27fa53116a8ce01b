using System.Xml.Linq;
using ECms.Protocol.Messages;

namespace ECms.Protocol.Wire;

/// <summary>
/// The structure of a loaded SOAP document, read namespace-aware but tolerantly: whatever the envelope's version
/// or prefixes, the parts are found so that the rules can say precisely what is wrong with them.
/// </summary>
public sealed class SoapEnvelope
{
    private SoapEnvelope(XDocument document)
    {
        Document = document;
        Root = document.Root!;
        Header = Root.Elements().FirstOrDefault(e => e.Name.LocalName == "Header");
        Body = Root.Elements().FirstOrDefault(e => e.Name.LocalName == "Body");
        BodyChildren = Body?.Elements().ToArray() ?? [];
        Addressing = new AddressingHeader(HeaderValue("MessageID"), HeaderValue("To"));
    }

    public XDocument Document { get; }

    /// <summary>The document element; <see cref="IsEnvelope"/> says whether it is a SOAP Envelope at all.</summary>
    public XElement Root { get; }

    public XElement? Header { get; }
    public XElement? Body { get; }
    public IReadOnlyList<XElement> BodyChildren { get; }

    /// <summary>The operation element: the body's first child (spec §1.3 — there is no SOAPAction to dispatch on).</summary>
    public XElement? OperationElement => BodyChildren.Count > 0 ? BodyChildren[0] : null;

    /// <summary>MessageID and To as found in any namespace and, for "to", in either case (1.x clients, spec §2.1).</summary>
    public AddressingHeader Addressing { get; }

    public string EnvelopeNamespace => Root.Name.NamespaceName;

    public bool IsEnvelope => Root.Name.LocalName == "Envelope" &&
        Root.Name.NamespaceName is EcmsNamespaces.Soap11 or EcmsNamespaces.Soap12;

    public bool IsSoap11 => Root.Name.LocalName == "Envelope" && Root.Name.NamespaceName == EcmsNamespaces.Soap11;

    public bool IsSoap12 => Root.Name.LocalName == "Envelope" && Root.Name.NamespaceName == EcmsNamespaces.Soap12;

    /// <summary>A SOAP Fault in the body, if the document is one.</summary>
    public XElement? Fault => BodyChildren.FirstOrDefault(e => e.Name.LocalName == "Fault");

    public static SoapEnvelope From(XDocument document) =>
        document.Root is null ? throw new ArgumentException("The document has no root element.", nameof(document)) : new SoapEnvelope(document);

    /// <summary>Header elements with this local name, compared case-insensitively (1.x sent "to").</summary>
    public IEnumerable<XElement> HeaderElements(string localName) =>
        Header?.Elements().Where(e => string.Equals(e.Name.LocalName, localName, StringComparison.OrdinalIgnoreCase)) ?? [];

    private string? HeaderValue(string localName) => HeaderElements(localName).FirstOrDefault()?.Value.Trim();
}
