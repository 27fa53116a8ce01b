using System.Xml.Linq;

namespace ECms.Protocol.Wire;

/// <summary>Element paths for evidence: local names from the root, with a 1-based index where siblings repeat.</summary>
public static class XmlPaths
{
    /// <summary>Up to this many siblings are scanned per call; beyond, the parent's positions are indexed once.</summary>
    private const int ScanLimit = 64;

    public static string Of(XElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
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

        var (index, count) = Position(element, parent);
        return count > 1 ? $"{name}[{index}]" : name;
    }

    /// <summary>
    /// A scan of the siblings up to the element and one same-named sibling past it. A stranger's message may hold tens of
    /// thousands of siblings and a rule may ask for the path of each: past <see cref="ScanLimit"/> siblings the parent's
    /// positions are worked out once, kept on the parent, and dropped if the tree changes — linear, not quadratic.
    /// </summary>
    private static (int Index, int Count) Position(XElement element, XElement parent)
    {
        if (parent.Annotation<SiblingPositions>() is { } known)
        {
            return known.Of(element);
        }

        int seen = 0, index = 0, scanned = 0;
        foreach (var sibling in parent.Elements())
        {
            if (++scanned > ScanLimit)
            {
                return SiblingPositions.Index(parent).Of(element);
            }

            if (sibling.Name != element.Name)
            {
                continue;
            }

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

        return (index, seen);
    }

    private sealed class SiblingPositions
    {
        private readonly Dictionary<XElement, int> _index = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<XName, int> _count = [];

        public (int Index, int Count) Of(XElement element) =>
            _index.TryGetValue(element, out var index) ? (index, _count[element.Name]) : (0, 0);

        public static SiblingPositions Index(XElement parent)
        {
            var positions = new SiblingPositions();
            foreach (var child in parent.Elements())
            {
                var count = positions._count.GetValueOrDefault(child.Name) + 1;
                positions._count[child.Name] = count;
                positions._index[child] = count;
            }

            parent.AddAnnotation(positions);
            parent.Changed += Forget;
            return positions;
        }

        private static void Forget(object? sender, XObjectChangeEventArgs e)
        {
            if (sender is XObject changed)
            {
                // Changed is raised on the changed node and every ancestor; drop the index wherever it is kept.
                for (var element = changed as XElement ?? changed.Parent; element is not null; element = element.Parent)
                {
                    if (element.Annotation<SiblingPositions>() is not null)
                    {
                        element.RemoveAnnotations<SiblingPositions>();
                        element.Changed -= Forget;
                    }
                }
            }
        }
    }
}
