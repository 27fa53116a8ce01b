using System.Text;
using System.Xml;

namespace ECms.Reports.Text;

/// <summary>A body ready to show: indented XML with payloads elided, or the raw text when it is not XML.</summary>
internal sealed record PrettyBody(string Text, bool WellFormed);

/// <summary>
/// Indents SOAP evidence from strangers without trusting it: no DTD, no resolver, no entity expansion, a size cap;
/// base64 payloads become <c>[base64: N bytes, sha256 …]</c>. Bodies that are not well-formed are shown as received
/// (payloads still elided), because a malformed body is itself the evidence.
/// </summary>
internal static class SoapPrettyPrinter
{
    public static PrettyBody Format(string body)
    {
        try
        {
            return new PrettyBody(Indent(body), WellFormed: true);
        }
        catch (Exception ex) when (ex is XmlException or ArgumentException or InvalidOperationException)
        {
            return new PrettyBody(Base64Payload.ElideRuns(body), WellFormed: false);
        }
    }

    private static string Indent(string body)
    {
        var writerSettings = new XmlWriterSettings
        {
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
            OmitXmlDeclaration = true,
            ConformanceLevel = ConformanceLevel.Document,
            CheckCharacters = true,
        };

        var output = new StringBuilder(body.Length);
        using var reader = SafeXml.Read(body);
        var declaration = new StringBuilder();
        using (var writer = XmlWriter.Create(output, writerSettings))
        {
            Copy(reader, writer, declaration);
        }

        return declaration.Length == 0 ? output.ToString() : declaration.Append('\n').Append(output).ToString();
    }

    private static void Copy(XmlReader reader, XmlWriter writer, StringBuilder declaration)
    {
        var binaryDepth = -1;
        string? pendingWhitespace = null;
        var justOpened = false;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.XmlDeclaration:
                    declaration.Append("<?xml ").Append(reader.Value).Append("?>");
                    break;
                case XmlNodeType.Element:
                    writer.WriteStartElement(reader.Prefix, reader.LocalName, reader.NamespaceURI);
                    writer.WriteAttributes(reader, defattr: false);
                    if (reader.IsEmptyElement)
                    {
                        writer.WriteEndElement();
                        justOpened = false;
                    }
                    else
                    {
                        binaryDepth = binaryDepth < 0 && Base64Payload.IsBinaryElement(reader.LocalName) ? reader.Depth : binaryDepth;
                        justOpened = true;
                    }

                    pendingWhitespace = null;
                    continue;
                case XmlNodeType.EndElement:
                    if (justOpened && pendingWhitespace is not null)
                    {
                        // Whitespace-only content is evidence (a subject of spaces), not layout.
                        writer.WriteString(pendingWhitespace);
                    }

                    writer.WriteFullEndElement();
                    binaryDepth = reader.Depth == binaryDepth ? -1 : binaryDepth;
                    break;
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                    WriteText(writer, reader, insideBinary: binaryDepth >= 0);
                    break;
                case XmlNodeType.Whitespace:
                case XmlNodeType.SignificantWhitespace:
                    pendingWhitespace = reader.Value;
                    continue;
                case XmlNodeType.Comment:
                    writer.WriteComment(reader.Value);
                    break;
                case XmlNodeType.ProcessingInstruction:
                    writer.WriteProcessingInstruction(reader.Name, reader.Value);
                    break;
                default:
                    break;
            }

            justOpened = false;
            pendingWhitespace = null;
        }
    }

    private static void WriteText(XmlWriter writer, XmlReader reader, bool insideBinary)
    {
        var value = reader.Value;
        if (!Base64Payload.IsElided(value) && ((insideBinary && value.Trim().Length > 0) || Base64Payload.LooksLikePayload(value)))
        {
            writer.WriteString(Base64Payload.Describe(value));
        }
        else if (reader.NodeType == XmlNodeType.CDATA)
        {
            writer.WriteCData(value);
        }
        else
        {
            writer.WriteString(value);
        }
    }
}
