using System.Xml.Linq;

namespace ECms.Protocol.Wire;

/// <summary>
/// The prefix an element was written with, kept as an annotation by the loader. LINQ to XML keeps only namespaces,
/// yet real peers match "ram:ID" literally (spec §2.4), so R-ENV-6 needs the prefix as it came on the wire.
/// </summary>
internal sealed record WrittenPrefix(string Prefix)
{
    /// <summary>The prefix as written, or null for a tree that did not come from <see cref="SafeXmlLoader"/>.</summary>
    public static string? Of(XElement element) => element.Annotation<WrittenPrefix>()?.Prefix;
}
