using System.Diagnostics;
using System.Xml.Linq;
using ECms.Protocol.Rules;
using ECms.Protocol.Tests.Rules;
using ECms.Protocol.Wire;
using Shouldly;

namespace ECms.Protocol.Tests.Wire;

public class XmlPathsTests
{
    [Test]
    public void Of_RepeatedAndUniqueSiblings_IndexesOnlyRepeatedNames()
    {
        var root = XElement.Parse("<r><a/><b/><a/><c/></r>");
        var children = root.Elements().ToArray();

        children.Select(XmlPaths.Of).ShouldBe(["/r/a[1]", "/r/b", "/r/a[2]", "/r/c"]);
    }

    [TestCase(10)]
    [TestCase(200)]
    public void Of_ManySiblings_SamePathsWhetherScannedOrIndexed(int pairs)
    {
        var root = new XElement("r", Enumerable.Range(0, pairs).SelectMany(_ => new[] { new XElement("a"), new XElement("b") }), new XElement("c"));
        var children = root.Elements().ToArray();

        var paths = children.Select(XmlPaths.Of).ToArray();

        paths[^1].ShouldBe("/r/c");
        paths[^2].ShouldBe($"/r/b[{pairs}]");
        paths[^3].ShouldBe($"/r/a[{pairs}]");
        paths[0].ShouldBe("/r/a[1]");
    }

    [Test]
    public void Of_TreeChangedAfterIndexing_PathsFollowTheChange()
    {
        var root = new XElement("r", Enumerable.Range(0, 100).Select(i => new XElement("a" + i)));
        var last = root.Elements().Last();
        XmlPaths.Of(last).ShouldBe("/r/a99");

        last.AddAfterSelf(new XElement("a99"));

        XmlPaths.Of(last).ShouldBe("/r/a99[1]");
        XmlPaths.Of(root.Elements().Last()).ShouldBe("/r/a99[2]");
    }

    // Found by the hub's mutation fuzzer: a notifier with ~50,000 stray elements (within the loader's element limit) took
    // R-NTF-1 over 20 s, because the path of each finding counted every sibling before it.
    [Test]
    public void NotifierStructure_FiftyThousandStrayElements_ReportsEachWithoutQuadraticCost()
    {
        var stray = string.Concat(Enumerable.Repeat("<x/>", 49_900));
        var document = TestDocument.Spec(TestDocument.ReceiveLetter).Replace("</LetterID>", "</LetterID>" + stray);
        var watch = Stopwatch.StartNew();

        var findings = RuleEngine.Standard.Validate(document.Bytes, Contexts.Offline()).Findings.Where(f => f.RuleId == "R-NTF-1").ToArray();

        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(8));
        findings.Length.ShouldBe(49_900);
        findings[^1].Path.ShouldEndWith("/ReceiveLetterNotifier/x[49900]");
    }
}
