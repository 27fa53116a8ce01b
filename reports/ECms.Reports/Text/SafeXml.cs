using System.Xml;

namespace ECms.Reports.Text;

/// <summary>
/// The one way this library reads XML it did not write (SOAP evidence from strangers): no DTD, no resolver, so no
/// entity is expanded and nothing is fetched; a cap on size.
/// </summary>
internal static class SafeXml
{
    private const long MaxCharacters = 64L * 1024 * 1024;

    public static XmlReader Read(string text, bool skipCommentsAndWhitespace = false) =>
        XmlReader.Create(new StringReader(text), new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 1024,
            MaxCharactersInDocument = MaxCharacters,
            IgnoreComments = skipCommentsAndWhitespace,
            IgnoreWhitespace = skipCommentsAndWhitespace,
            CloseInput = true,
        });
}
