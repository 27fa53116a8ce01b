using System.Xml.Linq;

namespace ECms.Protocol.Wire;

/// <summary>Element paths for evidence: local names from the root, with a 1-based index where siblings repeat.</summary>
public static class XmlPaths
{
    public static string Of(XElement element)
    {
        var parts = new Stack<string>();
        for (var current = element; current is not null; current = current.Parent)
        {
            var name = current.Name.LocalName;
            var siblings = current.Parent?.Elements().Where(e => e.Name == current.Name).ToList();
            parts.Push(siblings is { Count: > 1 } ? $"{name}[{siblings.IndexOf(current) + 1}]" : name);
        }

        return "/" + string.Join('/', parts);
    }
}
