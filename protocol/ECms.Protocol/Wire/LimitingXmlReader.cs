using System.Xml;

namespace ECms.Protocol.Wire;

/// <summary>
/// Passes an XmlReader through unchanged while counting depth, elements and attributes, and stops the read the
/// moment a limit is passed. Wrapping the reader that builds the tree enforces the limits in the same single pass,
/// so a large letter is parsed once, not once to check and once to load.
/// </summary>
internal sealed class LimitingXmlReader(XmlReader inner, XmlLimits limits) : XmlReader, IXmlLineInfo
{
    private int _elements;

    public override int AttributeCount => inner.AttributeCount;
    public override string BaseURI => inner.BaseURI;
    public override int Depth => inner.Depth;
    public override bool EOF => inner.EOF;
    public override bool IsEmptyElement => inner.IsEmptyElement;
    public override string LocalName => inner.LocalName;
    public override XmlNameTable NameTable => inner.NameTable;
    public override string NamespaceURI => inner.NamespaceURI;
    public override XmlNodeType NodeType => inner.NodeType;
    public override string Prefix => inner.Prefix;
    public override ReadState ReadState => inner.ReadState;
    public override string Value => inner.Value;
    public override bool HasValue => inner.HasValue;
    public override string Name => inner.Name;
    public override bool IsDefault => inner.IsDefault;
    public override XmlSpace XmlSpace => inner.XmlSpace;
    public override string XmlLang => inner.XmlLang;

    public int LineNumber => (inner as IXmlLineInfo)?.LineNumber ?? 0;
    public int LinePosition => (inner as IXmlLineInfo)?.LinePosition ?? 0;

    public bool HasLineInfo() => inner is IXmlLineInfo info && info.HasLineInfo();

    public override bool Read()
    {
        if (!inner.Read())
        {
            return false;
        }

        if (inner.NodeType == XmlNodeType.Element)
        {
            _elements++;
            if (inner.Depth >= limits.MaxDepth)
            {
                throw new XmlLimitExceededException(XmlLoadProblemKind.TooDeep, $"Elements are nested deeper than {limits.MaxDepth} levels.", LineNumber, LinePosition);
            }

            if (_elements > limits.MaxElements)
            {
                throw new XmlLimitExceededException(XmlLoadProblemKind.TooManyElements, $"The message has more than {limits.MaxElements:N0} elements.", LineNumber, LinePosition);
            }

            if (inner.AttributeCount > limits.MaxAttributesPerElement)
            {
                throw new XmlLimitExceededException(XmlLoadProblemKind.TooManyAttributes,
                    $"Element <{inner.Name}> has {inner.AttributeCount} attributes, over the limit of {limits.MaxAttributesPerElement}.", LineNumber, LinePosition);
            }
        }

        return true;
    }

    public override string GetAttribute(int i) => inner.GetAttribute(i);
    public override string? GetAttribute(string name) => inner.GetAttribute(name);
    public override string? GetAttribute(string name, string? namespaceURI) => inner.GetAttribute(name, namespaceURI);
    public override string? LookupNamespace(string prefix) => inner.LookupNamespace(prefix);
    public override void MoveToAttribute(int i) => inner.MoveToAttribute(i);
    public override bool MoveToAttribute(string name) => inner.MoveToAttribute(name);
    public override bool MoveToAttribute(string name, string? ns) => inner.MoveToAttribute(name, ns);
    public override bool MoveToElement() => inner.MoveToElement();
    public override bool MoveToFirstAttribute() => inner.MoveToFirstAttribute();
    public override bool MoveToNextAttribute() => inner.MoveToNextAttribute();
    public override bool ReadAttributeValue() => inner.ReadAttributeValue();
    public override void ResolveEntity() => inner.ResolveEntity();
    public override bool CanReadValueChunk => inner.CanReadValueChunk;
    public override int ReadValueChunk(char[] buffer, int index, int count) => inner.ReadValueChunk(buffer, index, count);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>Thrown inside the loader only, and turned into an <see cref="XmlLoadProblem"/> there.</summary>
internal sealed class XmlLimitExceededException(XmlLoadProblemKind kind, string message, int line, int column) : Exception(message)
{
    public XmlLoadProblem Problem { get; } = new(kind, message, line, column);
}
