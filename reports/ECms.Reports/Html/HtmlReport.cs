using System.Globalization;
using System.Text;
using ECms.Reports.Model;
using ECms.Reports.Text;

namespace ECms.Reports.Html;

/// <summary>
/// Renders <c>report.html</c>: one self-contained, bilingual page an auditor can read on screen, print to PDF or
/// receive by e-mail. Deterministic — the same report always gives the same bytes (no clock, no culture, no random),
/// which is what lets <c>verify</c> re-render and compare. Every text from the run is escaped.
/// </summary>
public static partial class HtmlReport
{
    public static string Render(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder(64 * 1024);
        var items = report.ItemsInChecklistOrder.ToList();

        html.Append("<!DOCTYPE html>\n<html lang=\"th\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(HtmlAssets.ContentSecurityPolicy).Append("\">\n")
            .Append("<meta name=\"referrer\" content=\"no-referrer\">\n")
            .Append("<meta name=\"generator\" content=\"").Append(HtmlText.Escape($"{report.Suite.Name} {report.Suite.Version}")).Append("\">\n")
            .Append("<title>").Append(HtmlText.Escape(Title(report))).Append("</title>\n")
            .Append("<style>").Append(HtmlAssets.Style).Append("</style>\n</head>\n<body>\n");

        AppendHeader(html, report);
        AppendDeviations(html, report);
        AppendChecklist(html, report, items);

        html.Append("<footer>\n<p>")
            .Append(Bi("สร้างจาก report.json โดย ECms.Reports; ตรวจความครบถ้วนของชุดหลักฐานได้ด้วยคำสั่ง",
                "Rendered from report.json by ECms.Reports; check the evidence bundle with"))
            .Append(" <code>ecms-conformance verify DIR</code></p>\n</footer>\n")
            .Append("<script>").Append(HtmlAssets.Script).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string Title(RunReport report)
    {
        var (th, en) = Labels.Of(report.Verdict);
        var sut = report.Sut?.Name ?? report.Sut?.OrganizationId ?? "?";
        return $"e-CMS 2.0 — {sut} — {th} / {en}";
    }

    /// <summary>Thai and English side by side; both always shown, so no switch (and no script) is needed.</summary>
    private static string Bi(string th, string en) =>
        $"<span class=\"bi\"><span lang=\"th\">{HtmlText.Escape(th)}</span><span lang=\"en\">{HtmlText.Escape(en)}</span></span>";

    private static string Bi((string Th, string En) text) => Bi(text.Th, text.En);

    private static string Badge(Verdict verdict) => $"<span class=\"badge v-{verdict}\">{Bi(Labels.Of(verdict))}</span>";

    private static string Text(LocalizedText? text)
    {
        if (text is null || (text.Th is null && text.En is null))
        {
            return "";
        }

        if (text.Th is null || text.En is null)
        {
            return $"<span lang=\"{(text.Th is null ? "en" : "th")}\">{HtmlText.Escape(text.Th ?? text.En)}</span>";
        }

        return Bi(text.Th, text.En);
    }

    private static string Unknown => Bi("ไม่ทราบ", "unknown");

    private static string Duration(long milliseconds)
    {
        var time = TimeSpan.FromMilliseconds(milliseconds);
        var seconds = (time.TotalSeconds - (Math.Floor(time.TotalMinutes) * 60)).ToString("0.0", CultureInfo.InvariantCulture);
        var minutes = (long)Math.Floor(time.TotalMinutes);
        return minutes > 0
            ? Bi($"{minutes} นาที {seconds} วินาที", $"{minutes} min {seconds} s")
            : Bi($"{seconds} วินาที", $"{seconds} s");
    }
}
