using System.Xml.Linq;
using ECms.Protocol.Wire;

namespace ECms.Protocol.Rules.Support;

/// <summary>One place where an element tree departs from its <see cref="ElementShape"/>.</summary>
internal sealed record ShapeProblem(string Path, string? Value, string MessageTh, string MessageEn);

/// <summary>
/// Compares an element tree with its expected shape and names every missing, misplaced, repeated or unexpected
/// element (R-SEND-1, R-SEND-SIG, R-NTF-1, R-PULL-1, R-DEL-1, R-DELDOC-1). Elements are matched by local name;
/// namespaces are R-ENV-5's business. An element that is merely out of order is reported once, as misplaced,
/// not also as missing from where it belongs.
/// </summary>
internal static class ShapeCheck
{
    /// <param name="element">An element whose name already matches <paramref name="shape"/>.</param>
    /// <param name="section">The spec section the shape comes from, quoted in messages (e.g. "§3.1").</param>
    public static IReadOnlyList<ShapeProblem> Check(XElement element, ElementShape shape, string section)
    {
        var problems = new List<ShapeProblem>();
        CheckContent(element, shape, section, problems);
        return problems;
    }

    // Names for messages (WireText.Display walks the tree for the prefix) are worked out only where a problem is found.
    private static void CheckContent(XElement element, ElementShape shape, string section, List<ShapeProblem> problems)
    {
        switch (shape.Content)
        {
            case ContentKind.Any:
                return;
            case ContentKind.Text:
                foreach (var child in element.Elements())
                {
                    var name = WireText.Display(element);
                    var inner = WireText.Display(child);
                    problems.Add(new ShapeProblem(XmlPaths.Of(child), inner,
                        $"<{name}> ต้องมีเฉพาะข้อความ แต่พบองค์ประกอบ <{inner}> อยู่ภายใน",
                        $"<{name}> may hold only text, but contains the element <{inner}>."));
                }

                return;
            case ContentKind.Empty:
                CheckContent(element, shape with { Content = ContentKind.Sequence }, section, problems);
                return;
            case ContentKind.Sequence:
                if (StrayText(element) is { } text)
                {
                    var name = WireText.Display(element);
                    var what = shape.Children.Count == 0 ? "ต้องว่างเปล่า" : "ต้องมีเฉพาะองค์ประกอบย่อย";
                    var whatEn = shape.Children.Count == 0 ? "must be empty" : "may hold only child elements";
                    problems.Add(new ShapeProblem(XmlPaths.Of(element), text,
                        $"<{name}> {what} แต่มีข้อความ \"{text}\"",
                        $"<{name}> {whatEn}, but contains the text \"{text}\"."));
                }

                CheckSequence(element, shape, section, problems);
                return;
        }
    }

    private static void CheckSequence(XElement parent, ElementShape shape, string section, List<ShapeProblem> problems)
    {
        var particles = shape.Children;
        var children = parent.Elements().ToArray();
        var position = 0;
        var occurrences = 0;
        XElement? lastMatched = null;

        for (var i = 0; i < children.Length; i++)
        {
            var child = children[i];
            var match = IndexOf(particles, child.Name.LocalName, position, particles.Count);
            if (match == position && position < particles.Count)
            {
                if (occurrences >= particles[position].Max)
                {
                    var (childName, parentName) = (WireText.Display(child), WireText.Display(parent));
                    problems.Add(new ShapeProblem(XmlPaths.Of(child), childName,
                        $"<{childName}> ปรากฏซ้ำใน <{parentName}> แต่ {section} อนุญาตให้มีได้เพียง {particles[position].Max} ครั้ง",
                        $"<{childName}> occurs again in <{parentName}>; {section} allows it {Times(particles[position].Max)}."));
                    continue;
                }

                occurrences++;
            }
            else if (match > position)
            {
                for (var skipped = position; skipped < match; skipped++)
                {
                    var had = skipped == position ? occurrences : 0;
                    if (had < particles[skipped].Min && !AppearsLater(children, i + 1, particles[skipped].Name) && !IsMisspelt(children, particles[skipped].Name))
                    {
                        problems.Add(Missing(parent, particles, skipped, section));
                    }
                }

                position = match;
                occurrences = 1;
            }
            else
            {
                var earlier = IndexOf(particles, child.Name.LocalName, 0, position);
                if (earlier >= 0)
                {
                    var childName = WireText.Display(child);
                    var after = WireText.Display(lastMatched ?? parent);
                    problems.Add(new ShapeProblem(XmlPaths.Of(child), childName,
                        $"<{childName}> อยู่ผิดลำดับ: อยู่หลัง <{after}> แต่ {section} กำหนดให้อยู่ก่อน <{after}>",
                        $"<{childName}> is out of order: it follows <{after}>, which {section} places after it."));
                    CheckContent(child, particles[earlier], section, problems);
                }
                else
                {
                    problems.Add(Unexpected(child, WireText.Display(parent), particles, section));
                }

                continue;
            }

            lastMatched = child;
            CheckContent(child, particles[position], section, problems);
        }

        for (var rest = position; rest < particles.Count; rest++)
        {
            var had = rest == position ? occurrences : 0;
            if (had < particles[rest].Min && !IsMisspelt(children, particles[rest].Name))
            {
                problems.Add(Missing(parent, particles, rest, section));
            }
        }
    }

    private static ShapeProblem Missing(XElement parent, IReadOnlyList<ElementShape> particles, int index, string section)
    {
        var parentName = WireText.Display(parent);
        var missing = particles[index].Display;
        var (th, en) = index == 0
            ? ("เป็นองค์ประกอบแรก", "as its first element")
            : ($"ถัดจาก <{particles[index - 1].Display}>", $"after <{particles[index - 1].Display}>");
        return new ShapeProblem(WireText.PathOfMissing(parent, particles[index].Name), null,
            $"ไม่พบ <{missing}> ใน <{parentName}> ซึ่ง {section} กำหนดให้ต้องมี{th}",
            $"<{parentName}> lacks <{missing}>, which {section} requires {en}.");
    }

    private static ShapeProblem Unexpected(XElement child, string parentName, IReadOnlyList<ElementShape> particles, string section)
    {
        var childName = WireText.Display(child);
        var nearMiss = particles.FirstOrDefault(p => string.Equals(p.Name, child.Name.LocalName, StringComparison.OrdinalIgnoreCase));
        var (hintTh, hintEn) = nearMiss is null
            ? ("", "")
            : ($" (หรือหมายถึง <{nearMiss.Display}>? ชื่อองค์ประกอบต้องตรงตามตัวพิมพ์ใหญ่-เล็ก)",
                $" Did you mean <{nearMiss.Display}>? Element names are case-sensitive.");
        return new ShapeProblem(XmlPaths.Of(child), childName,
            $"องค์ประกอบ <{childName}> ไม่อยู่ในโครงสร้างของ <{parentName}> ตาม {section}{hintTh}",
            $"<{childName}> is not part of <{parentName}> in {section}.{hintEn}");
    }

    private static string Times(int max) => max == 1 ? "only once" : $"at most {max} times";

    private static int IndexOf(IReadOnlyList<ElementShape> particles, string localName, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (particles[i].Name == localName)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool AppearsLater(XElement[] children, int from, string localName)
    {
        for (var i = from; i < children.Length; i++)
        {
            if (children[i].Name.LocalName == localName)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A misspelt element was already reported with "did you mean"; saying the real one is missing adds nothing.</summary>
    private static bool IsMisspelt(XElement[] children, string localName) =>
        children.Any(c => c.Name.LocalName != localName && string.Equals(c.Name.LocalName, localName, StringComparison.OrdinalIgnoreCase));

    private static string? StrayText(XElement element)
    {
        // Usually there is none but indentation: look before building the text.
        if (!element.Nodes().OfType<XText>().Any(t => !string.IsNullOrWhiteSpace(t.Value)))
        {
            return null;
        }

        return string.Concat(element.Nodes().OfType<XText>().Select(t => t.Value)).Trim();
    }
}
