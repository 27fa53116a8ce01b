using System.Xml.Linq;
using ECms.Protocol.Wire;

namespace ECms.Protocol.Rules.Support;

/// <summary>
/// The prefix an element was actually written with. LINQ to XML keeps only namespaces, so the loader annotates
/// every element with its written prefix (<see cref="WrittenPrefix"/>); a tree built some other way (a caller-made
/// context) falls back to the nearest in-scope declaration.
/// </summary>
internal static class LexicalPrefixes
{
    public static string Of(XElement element) => WrittenPrefix.Of(element) ?? NearestPrefix(element);

    private static string NearestPrefix(XElement element) =>
        element.Name.Namespace == XNamespace.None ? "" : element.GetPrefixOfNamespace(element.Name.Namespace) ?? "";
}
