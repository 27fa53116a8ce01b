using System.Buffers;
using System.Xml;
using System.Xml.Linq;

namespace ECms.Protocol.Wire;

/// <summary>
/// Builds an XDocument from a reader, reading text in fixed-size chunks. XDocument.Load asks the reader for whole
/// text values, which makes it grow a buffer by doubling for a 20 MB base64 file and allocate about ten times the
/// message; reading in pooled chunks allocates only the final string (two bytes a character).
/// </summary>
internal static class TreeBuilder
{
    private const int ChunkChars = 64 * 1024;
    private const int FirstChunkChars = 512;

    public static XDocument Build(XmlReader reader)
    {
        var document = new XDocument();
        XContainer current = document;
        var chunks = new List<(char[] Array, int Length)>();
        reader.Read();
        while (!reader.EOF)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    var element = new XElement(XName.Get(reader.LocalName, reader.NamespaceURI));
                    element.AddAnnotation(new WrittenPrefix(reader.Prefix));
                    var isEmpty = reader.IsEmptyElement;
                    while (reader.MoveToNextAttribute())
                    {
                        element.Add(Attribute(reader));
                    }

                    reader.MoveToElement();
                    current.Add(element);
                    if (!isEmpty)
                    {
                        current = element;
                    }

                    reader.Read();
                    break;
                case XmlNodeType.EndElement:
                    current = current.Parent ?? (XContainer)document;
                    reader.Read();
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace:
                    var isCData = reader.NodeType == XmlNodeType.CDATA;
                    var value = ReadText(reader, chunks);
                    if (current is XElement)
                    {
                        // A plain string (not an XText) is kept as the element's content as it is, so reading
                        // element.Value later returns this instance instead of concatenating a copy.
                        current.Add(isCData ? new XCData(value) : value);
                    }

                    reader.Read();
                    break;
                case XmlNodeType.Comment:
                    if (current is XElement)
                    {
                        current.Add(new XComment(reader.Value));
                    }

                    reader.Read();
                    break;
                default:
                    // XML declaration, processing instructions: not part of the message's content.
                    reader.Read();
                    break;
            }
        }

        return document;
    }

    /// <summary>
    /// Reads a text node in pooled chunks and allocates only the final string. Most text is a few words, so the
    /// first chunk is small; only a text that fills it (a base64 file) goes on in large chunks. The text ends only
    /// when the reader says so (0): it returns a short count rather than split a surrogate pair across two calls, so
    /// a short read is not the end, and each call is left room for a whole pair.
    /// </summary>
    private static string ReadText(XmlReader reader, List<(char[] Array, int Length)> chunks)
    {
        try
        {
            var chunk = ArrayPool<char>.Shared.Rent(FirstChunkChars);
            chunks.Add((chunk, 0));
            var filled = 0;
            while (true)
            {
                if (chunk.Length - filled < 2)
                {
                    chunk = ArrayPool<char>.Shared.Rent(ChunkChars);
                    chunks.Add((chunk, 0));
                    filled = 0;
                }

                var read = reader.ReadValueChunk(chunk, filled, chunk.Length - filled);
                if (read == 0)
                {
                    break;
                }

                filled += read;
                chunks[^1] = (chunk, filled);
            }

            if (chunks.Count == 1)
            {
                return new string(chunks[0].Array, 0, chunks[0].Length);
            }

            return string.Create(chunks.Sum(c => c.Length), chunks, static (span, parts) =>
            {
                var offset = 0;
                foreach (var (array, length) in parts)
                {
                    array.AsSpan(0, length).CopyTo(span[offset..]);
                    offset += length;
                }
            });
        }
        finally
        {
            foreach (var (array, _) in chunks)
            {
                ArrayPool<char>.Shared.Return(array);
            }

            chunks.Clear();
        }
    }

    private static XAttribute Attribute(XmlReader reader)
    {
        if (reader.NamespaceURI == XNamespace.Xmlns.NamespaceName)
        {
            return reader.Prefix.Length == 0
                ? new XAttribute("xmlns", reader.Value)
                : new XAttribute(XNamespace.Xmlns + reader.LocalName, reader.Value);
        }

        return new XAttribute(XName.Get(reader.LocalName, reader.NamespaceURI), reader.Value);
    }
}
