using System.Xml.Linq;

namespace ECms.Protocol.Wire;

/// <summary>Element paths for evidence: local names from the root, with a 1-based index where siblings repeat.</summary>
public static class XmlPaths
{
    public static string Of(XElement element)
    {
        var steps = new List<string>(8);
        for (var current = element; current is not null; current = current.Parent)
        {
            steps.Add(Step(current));
        }

        steps.Reverse();
        return "/" + string.Join('/', steps);
    }

    /// <summary>The element's name, with its position among same-named siblings when it has any.</summary>
    private static string Step(XElement element)
    {
        var name = element.Name.LocalName;
        if (element.Parent is not { } parent)
        {
            return name;
        }

        int seen = 0, index = 0;
        foreach (var sibling in parent.Elements(element.Name))
        {
            seen++;
            if (ReferenceEquals(sibling, element))
            {
                index = seen;
            }

            if (index > 0 && seen > 1)
            {
                break;
            }
        }

        return seen > 1 ? $"{name}[{index}]" : name;
    }
}
