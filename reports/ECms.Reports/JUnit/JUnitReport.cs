using System.Globalization;
using System.Text;
using System.Xml;
using ECms.Reports.Model;
using ECms.Reports.Text;

namespace ECms.Reports.JUnit;

/// <summary>
/// Renders <c>junit.xml</c> in the Jenkins/Ant shape every CI server reads: one <c>testsuite</c> per checklist group,
/// one <c>testcase</c> per item. Failed → <c>failure</c>, Error → <c>error</c>, NotApplicable/NotTested →
/// <c>skipped</c> with the reason, Warning → passed with a note in <c>system-out</c> (a SHOULD does not break a build).
/// Deterministic, like every renderer here.
/// </summary>
public static class JUnitReport
{
    public const string ClassNamePrefix = "ECms.Conformance.";

    public static string Render(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var groups = report.ItemsInChecklistOrder.GroupBy(item => item.GroupOrDefault).ToList();
        var settings = new XmlWriterSettings
        {
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Entitize,
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        };
        var output = new StringBuilder();
        using (var xml = XmlWriter.Create(new Utf8StringWriter(output), settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", Clean($"{report.Suite.Name} {report.Suite.Version}"));
            WriteCounts(xml, report.Items);
            xml.WriteAttributeString("time", Seconds(report.DurationMs ?? report.Items.Sum(item => item.DurationMs ?? 0)));
            foreach (var group in groups)
            {
                WriteSuite(xml, report, group.Key, group.ToList());
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return output.Append('\n').ToString();
    }

    private static void WriteSuite(XmlWriter xml, RunReport report, string group, List<ItemResult> items)
    {
        xml.WriteStartElement("testsuite");
        var title = ChecklistGroups.TitleOf(group)?.En;
        xml.WriteAttributeString("name", Clean(title is null ? group : $"{group}. {title}"));
        WriteCounts(xml, items);
        xml.WriteAttributeString("time", Seconds(items.Sum(item => item.DurationMs ?? 0)));
        if (report.Started is { } started)
        {
            // The Ant schema's timestamp has no zone: the hub's local time, as the report shows it.
            xml.WriteAttributeString("timestamp", started.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
        }

        xml.WriteStartElement("properties");
        Property(xml, "suite.version", report.Suite.Version);
        Property(xml, "spec.version", report.Suite.SpecVersion);
        Property(xml, "sut.name", report.Sut?.Name);
        Property(xml, "sut.organizationId", report.Sut?.OrganizationId);
        Property(xml, "sut.version", report.Sut?.Version);
        Property(xml, "profile", report.Profile?.Name);
        xml.WriteEndElement();

        foreach (var item in items)
        {
            WriteCase(xml, group, item);
        }

        xml.WriteEndElement();
    }

    private static void WriteCase(XmlWriter xml, string group, ItemResult item)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("name", Clean(item.Title?.En is { } en ? $"{item.Id} {en}" : item.Id));
        xml.WriteAttributeString("classname", Clean(ClassNamePrefix + group));
        xml.WriteAttributeString("time", Seconds(item.DurationMs ?? 0));
        switch (item.Verdict)
        {
            case Verdict.Failed:
                Outcome(xml, "failure", item, $"{LevelWord(item.Level)} broken");
                break;
            case Verdict.Error:
                Outcome(xml, "error", item, "harness error");
                break;
            case Verdict.NotApplicable:
            case Verdict.NotTested:
                xml.WriteStartElement("skipped");
                xml.WriteAttributeString("message", Clean($"{item.Verdict}: {item.Message ?? "no reason recorded"}"));
                xml.WriteEndElement();
                break;
            default:
                break;
        }

        xml.WriteElementString("system-out", Clean(Details(item, includeSummary: true)));
        xml.WriteEndElement();
    }

    private static void Outcome(XmlWriter xml, string element, ItemResult item, string type)
    {
        xml.WriteStartElement(element);
        xml.WriteAttributeString("message", Clean(Summary(item)));
        xml.WriteAttributeString("type", Clean(type));
        xml.WriteString(Clean(Details(item, includeSummary: false)));
        xml.WriteEndElement();
    }

    /// <summary>One line a CI server shows next to the red test: rule IDs first, then what went wrong.</summary>
    private static string Summary(ItemResult item)
    {
        var rules = item.Rules.Count > 0 ? $"[{string.Join(", ", item.Rules)}] " : "";
        var text = item.Message
            ?? (item.Expected is not null || item.Actual is not null ? $"Expected {item.Expected ?? "?"}; actual: {item.Actual ?? "?"}" : "no message recorded");
        return rules + text;
    }

    private static string Details(ItemResult item, bool includeSummary)
    {
        var text = new StringBuilder();
        if (includeSummary)
        {
            text.Append(item.Id).Append(' ').Append(item.Title?.Th).Append(" / ").Append(item.Title?.En).Append('\n');
            text.Append("Verdict: ").Append(item.Verdict).Append(" (").Append(LevelWord(item.Level)).Append(")\n");
            if (item.Verdict == Verdict.Warning)
            {
                text.Append("WARNING: a SHOULD is not met; reported as passed so it does not fail the build.\n");
            }

            if (item.Rules.Count > 0)
            {
                text.Append("Rules: ").Append(string.Join(", ", item.Rules)).Append('\n');
            }

            Line(text, "Message", item.Message);
        }

        Line(text, "Expected", item.Expected);
        Line(text, "Actual", item.Actual);
        Line(text, "Hint", item.Hint);
        foreach (var finding in item.Findings)
        {
            text.Append("Finding ").Append(finding.Rule).Append(" [").Append(LevelWord(finding.Level)).Append("] ")
                .Append(finding.Path).Append(": ").Append(finding.Message?.En ?? finding.Message?.Th);
            if (finding.Value is not null)
            {
                text.Append(" (value: \"").Append(finding.Value).Append("\")");
            }

            text.Append('\n');
        }

        if (item.Evidence.Count > 0)
        {
            text.Append("Evidence: ").Append(string.Join(", ", item.Evidence)).Append('\n');
        }

        return text.ToString();
    }

    private static void Line(StringBuilder text, string label, string? value)
    {
        if (value is not null)
        {
            text.Append(label).Append(": ").Append(value).Append('\n');
        }
    }

    private static void WriteCounts(XmlWriter xml, IReadOnlyCollection<ItemResult> items)
    {
        xml.WriteAttributeString("tests", Count(items.Count));
        xml.WriteAttributeString("failures", Count(items.Count(item => item.Verdict == Verdict.Failed)));
        xml.WriteAttributeString("errors", Count(items.Count(item => item.Verdict == Verdict.Error)));
        xml.WriteAttributeString("skipped", Count(items.Count(item => item.Verdict is Verdict.NotApplicable or Verdict.NotTested)));
    }

    private static void Property(XmlWriter xml, string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        xml.WriteStartElement("property");
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("value", Clean(value));
        xml.WriteEndElement();
    }

    private static string LevelWord(RequirementLevel level) => level.ToString().ToUpperInvariant();

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Seconds(long milliseconds) => (milliseconds / 1000m).ToString("0.000", CultureInfo.InvariantCulture);

    private static string Clean(string? text) => XmlChars.Clean(text);

    /// <summary>Makes the XML declaration say UTF-8 (a plain StringWriter would declare UTF-16).</summary>
    private sealed class Utf8StringWriter(StringBuilder builder) : StringWriter(builder, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => Encoding.UTF8;
    }
}
