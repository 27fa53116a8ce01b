using System.Text;
using System.Xml;
using System.Xml.Linq;
using ECms.Protocol.Wire;

namespace ECms.Protocol.Rules.Support;

/// <summary>
/// The prefix each element was actually written with. LINQ to XML keeps only namespaces, so R-ENV-6 (prefixes that
/// peers match literally) reads the raw bytes once more with a streaming reader and pairs its elements, in document
/// order, with the loaded tree. The bytes already passed <see cref="SafeXmlLoader"/>, and the reader refuses DTDs
/// and resolves nothing all the same.
/// </summary>
internal static class LexicalPrefixes
{
    public static IReadOnlyDictionary<XElement, string> Of(RuleContext context)
    {
        var elements = context.Envelope!.Root.DescendantsAndSelf().ToArray();
        var prefixes = context.Raw.IsEmpty ? null : ReadPrefixes(context.Raw, elements.Length);
        var map = new Dictionary<XElement, string>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < elements.Length; i++)
        {
            map[elements[i]] = prefixes is not null ? prefixes[i] : NearestPrefix(elements[i]);
        }

        return map;
    }

    private static string[]? ReadPrefixes(ReadOnlyMemory<byte> raw, int expected)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 0,
            IgnoreProcessingInstructions = true,
        };
        var prefixes = new List<string>(expected);
        try
        {
            using var text = new StreamReader(new ReadOnlyMemoryStream(raw), Encoding.UTF8, detectEncodingFromByteOrderMarks: false);
            using var reader = XmlReader.Create(text, settings);
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    prefixes.Add(reader.Prefix);
                }
            }
        }
        catch (XmlException)
        {
            return null;
        }

        // The raw bytes are not the document the envelope was loaded from (a caller-built context): do not guess.
        return prefixes.Count == expected ? prefixes.ToArray() : null;
    }

    private static string NearestPrefix(XElement element) =>
        element.Name.Namespace == XNamespace.None ? "" : element.GetPrefixOfNamespace(element.Name.Namespace) ?? "";
}
