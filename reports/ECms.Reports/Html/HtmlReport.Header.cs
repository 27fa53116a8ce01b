using System.Globalization;
using System.Text;
using ECms.Reports.Model;
using ECms.Reports.Text;

namespace ECms.Reports.Html;

public static partial class HtmlReport
{
    private static void AppendHeader(StringBuilder html, RunReport report)
    {
        html.Append("<header>\n<h1>")
            .Append(Bi("รายงานผลการทดสอบความสอดคล้องตามมาตรฐาน e-CMS 2.0", "e-CMS 2.0 conformance report"))
            .Append("</h1>\n<p class=\"overall v-").Append(report.Verdict.ToString())
            .Append("\" id=\"overall-verdict\">").Append(Bi(Labels.Of(report.Verdict))).Append("</p>\n");

        html.Append("<table class=\"facts\">\n");
        var sut = report.Sut;
        Fact(html, ("ระบบที่ทดสอบ", "System under test"), sut is null ? Unknown : Known(sut.Name, sut.Product));
        Fact(html, ("รหัสหน่วยงาน", "Organisation"), Code(sut?.OrganizationId));
        Fact(html, ("รุ่น", "Version"), Code(sut?.Version));
        Fact(html, ("วิธีควบคุมระบบ", "Driver"), Code(sut?.Driver));
        Fact(html, ("โปรไฟล์", "Profile"), Profile(report.Profile));
        Fact(html, ("ชุดทดสอบ", "Suite"), HtmlText.Escape($"{report.Suite.Name} {report.Suite.Version}"));
        Fact(html, ("ข้อกำหนด", "Specification"), Code(report.Suite.SpecVersion));
        Fact(html, ("เริ่มทดสอบ", "Started"), When(report.Started));
        Fact(html, ("สิ้นสุด", "Finished"), report.Finished is null
            ? Bi("การทดสอบไม่สิ้นสุดตามปกติ", "the run did not finish")
            : When(report.Finished));
        Fact(html, ("ระยะเวลา", "Duration"), report.DurationMs is { } ms ? Duration(ms) : Unknown);
        html.Append("</table>\n");

        html.Append("<ul class=\"counts\" id=\"counts\">\n");
        foreach (var verdict in Enum.GetValues<Verdict>())
        {
            html.Append("<li data-verdict=\"").Append(verdict).Append("\">").Append(Badge(verdict))
                .Append("<span class=\"n\">").Append(report.Count(verdict).ToString(CultureInfo.InvariantCulture)).Append("</span></li>\n");
        }

        html.Append("<li>").Append(Bi("รวม", "Total")).Append("<span class=\"n\">")
            .Append(report.Items.Count.ToString(CultureInfo.InvariantCulture)).Append("</span></li>\n</ul>\n");

        if (report.Redaction is { } redaction)
        {
            html.Append("<p class=\"notice\" id=\"redaction\">")
                .Append(Bi("ข้อมูลส่วนบุคคลถูกปิดบังในรายงานนี้ (ค่าแฮช SHA-256 ของข้อความต้นฉบับยังคงอยู่):",
                    "Personal data has been redacted from this report (SHA-256 of the original messages kept):"))
                .Append(' ')
                .Append(string.Join(", ", redaction.Elements.Select(e => $"<code>{HtmlText.Escape(e)}</code>")));
            if (redaction.PayloadsElided)
            {
                html.Append(' ').Append(Bi("และเนื้อหาไฟล์แนบ", "and the attached files' content"));
            }

            html.Append("</p>\n");
        }

        if (report.Verdict == RunVerdict.Error)
        {
            html.Append("<p class=\"notice\">")
                .Append(Bi("การทดสอบไม่สมบูรณ์: ระบบทดสอบหรือระบบที่ทดสอบหยุดทำงานระหว่างทาง รายการที่มีผล \"ข้อผิดพลาด\" ยังไม่ได้ตัดสิน",
                    "The run is incomplete: the harness or the system under test stopped part-way; items marked Error were not judged."))
                .Append("</p>\n");
        }

        html.Append("</header>\n");
    }

    private static void Fact(StringBuilder html, (string Th, string En) label, string valueHtml) =>
        html.Append("<tr><th>").Append(Bi(label)).Append("</th><td>").Append(valueHtml).Append("</td></tr>\n");

    private static string Code(string? value) => value is null ? Unknown : $"<code>{HtmlText.Escape(value)}</code>";

    private static string Known(string? name, string? product)
    {
        if (name is null && product is null)
        {
            return Unknown;
        }

        return name is not null && product is not null && name != product
            ? $"{HtmlText.Escape(name)} ({HtmlText.Escape(product)})"
            : HtmlText.Escape(name ?? product);
    }

    private static string Profile(ProfileInfo? profile)
    {
        if (profile is null)
        {
            return Unknown;
        }

        var text = new StringBuilder(HtmlText.Escape(profile.Name));
        if (profile.HubStrictness is not null)
        {
            text.Append(" — ").Append(Bi("ศูนย์กลางแบบ", "hub")).Append(" <code>").Append(HtmlText.Escape(profile.HubStrictness)).Append("</code>");
        }

        if (profile.Path is not null)
        {
            text.Append("<br><code>").Append(HtmlText.Escape(profile.Path)).Append("</code>");
        }

        if (profile.Sha256 is not null)
        {
            text.Append("<br><span class=\"mono\">sha256 ").Append(HtmlText.Escape(profile.Sha256)).Append("</span>");
        }

        return text.ToString();
    }

    private static string When(DateTimeOffset? time) =>
        time is { } t
            ? $"<span lang=\"th\">{HtmlText.Escape(BuddhistEraDates.Thai(t))}</span><br><span lang=\"en\">{HtmlText.Escape(BuddhistEraDates.English(t))}</span>"
            : Unknown;

    private static void AppendDeviations(StringBuilder html, RunReport report)
    {
        if (report.ExpectedDeviations.Count == 0)
        {
            return;
        }

        html.Append("<section id=\"deviations\">\n<h2>").Append(Bi("ข้อยกเว้นที่คาดไว้ในโปรไฟล์", "Expected deviations of the profile"))
            .Append("</h2>\n<table>\n<thead><tr><th>").Append(Bi("รหัส", "ID")).Append("</th><th>").Append(Bi("เหตุผล", "Reason"))
            .Append("</th><th>").Append(Bi("ผล", "Outcome")).Append("</th></tr></thead>\n<tbody>\n");
        foreach (var deviation in report.ExpectedDeviations.OrderBy(d => d.Id, ChecklistOrder.Comparer))
        {
            html.Append("<tr><td>").Append(HtmlText.Escape(deviation.Id)).Append("</td><td>").Append(HtmlText.Escape(deviation.Reason))
                .Append("</td><td>")
                .Append(deviation.StillFails
                    ? Bi("ยังไม่ผ่านตามที่คาดไว้", "still fails, as expected")
                    : Bi("ผ่านแล้ว — ควรลบออกจากโปรไฟล์", "no longer fails — remove it from the profile"))
                .Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }
}
