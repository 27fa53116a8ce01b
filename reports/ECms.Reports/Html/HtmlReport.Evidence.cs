using System.Globalization;
using System.Text;
using ECms.Reports.Model;
using ECms.Reports.Text;

namespace ECms.Reports.Html;

public static partial class HtmlReport
{
    private static void AppendEvidence(StringBuilder html, RunReport report, ItemResult item)
    {
        if (item.Evidence.Count == 0)
        {
            return;
        }

        var found = item.Evidence.Select(report.FindExchange).OfType<ExchangeRecord>().OrderBy(e => e.Sequence).ToList();
        html.Append("<h3>").Append(Bi("หลักฐาน", "Evidence")).Append("</h3>\n");
        if (found.Count > 0)
        {
            html.Append("<figure class=\"sequence\">\n").Append(SequenceDiagram.Render(found, report.Sut?.OrganizationId))
                .Append("<figcaption>").Append(Bi("ลำดับการติดต่อ: ระบบที่ทดสอบ ↔ ศูนย์กลาง ↔ หน่วยงานคู่ทดสอบ",
                    "Sequence: system under test ↔ hub ↔ peer agency")).Append("</figcaption>\n</figure>\n");
        }

        foreach (var id in item.Evidence)
        {
            if (report.FindExchange(id) is { } exchange)
            {
                AppendExchange(html, exchange);
            }
            else
            {
                html.Append("<p class=\"missing\">").Append(Bi($"ไม่พบรายการ {id} ในบันทึกการติดต่อ (การทดสอบอาจหยุดก่อนบันทึก)",
                    $"Exchange {id} is not in the journal (the run may have stopped before it was recorded).")).Append("</p>\n");
            }
        }
    }

    private static void AppendExchange(StringBuilder html, ExchangeRecord exchange)
    {
        html.Append("<section class=\"exchange\">\n<h4>#").Append(exchange.Sequence.ToString(CultureInfo.InvariantCulture))
            .Append(" · ").Append(HtmlText.Escape(exchange.Operation ?? "?"));
        if (SoapSummary.InnerKind(exchange.RequestBody) is { } kind)
        {
            html.Append(" · ").Append(HtmlText.Escape(kind));
        }

        html.Append("</h4>\n<p class=\"meta\">");
        if (exchange.Time is { } time)
        {
            html.Append("<span class=\"mono\">").Append(HtmlText.Escape(BuddhistEraDates.Iso(time))).Append("</span> · ");
        }

        html.Append(HtmlText.Escape(exchange.HttpMethod ?? "POST")).Append(" <code>").Append(HtmlText.Escape(exchange.Endpoint ?? "?")).Append("</code>");
        if (exchange.OrganizationId is not null)
        {
            html.Append(" · ").Append(Bi("ผู้เรียก", "caller")).Append(" <code>").Append(HtmlText.Escape(exchange.OrganizationId)).Append("</code>");
        }

        if (exchange.AddressedTo is not null)
        {
            html.Append(" · <code>wsa:To</code> <code>").Append(HtmlText.Escape(exchange.AddressedTo)).Append("</code>");
        }

        if (exchange.ContentType is not null)
        {
            html.Append(" · <code>").Append(HtmlText.Escape(exchange.ContentType)).Append("</code>");
        }

        html.Append(" · ").Append(exchange.Status is { } status
            ? $"HTTP {status.ToString(CultureInfo.InvariantCulture)}"
            : Bi("ไม่มีการตอบกลับ", "no response"));
        html.Append("</p>\n");

        if (exchange.InjectedFault is not null || exchange.Rejected)
        {
            html.Append("<p>");
            if (exchange.InjectedFault is not null)
            {
                html.Append("<span class=\"flag\">").Append(Bi("จำลองความผิดพลาด", "injected fault")).Append(": ")
                    .Append(HtmlText.Escape(exchange.InjectedFault)).Append("</span>");
            }

            if (exchange.Rejected)
            {
                html.Append("<span class=\"flag\">").Append(Bi("ศูนย์กลางปฏิเสธ", "rejected by the hub")).Append("</span>");
            }

            html.Append("</p>\n");
        }

        if (exchange.Errors.Count > 0)
        {
            html.Append("<ul class=\"errors\">\n");
            foreach (var error in exchange.Errors)
            {
                html.Append("<li><code>").Append(HtmlText.Escape(error.Code ?? "?")).Append("</code> ").Append(HtmlText.Escape(error.Description)).Append("</li>\n");
            }

            html.Append("</ul>\n");
        }

        AppendFindings(html, exchange.Findings, "exchange-findings");
        AppendBody(html, Bi("คำขอ", "Request"), exchange.RequestBody, exchange.RequestSha256);
        AppendBody(html, Bi("คำตอบ", "Response"), exchange.ResponseBody, exchange.ResponseSha256);
        html.Append("</section>\n");
    }

    private static void AppendBody(StringBuilder html, string label, string? body, string? sha256)
    {
        html.Append("<h4>").Append(label);
        if (sha256 is not null)
        {
            html.Append(" <span class=\"mono\">sha256 ").Append(HtmlText.Escape(sha256)).Append("</span>");
        }

        html.Append("</h4>\n");
        if (body is null)
        {
            html.Append("<p>").Append(Bi("(ไม่มีเนื้อหา)", "(no body)")).Append("</p>\n");
            return;
        }

        var pretty = SoapPrettyPrinter.Format(body);
        if (!pretty.WellFormed)
        {
            html.Append("<p class=\"flag\">").Append(Bi("ไม่ใช่ XML ที่ถูกต้อง — แสดงตามที่ได้รับ", "not well-formed XML — shown as received")).Append("</p>\n");
        }

        html.Append("<pre><code>").Append(HtmlText.Escape(pretty.Text)).Append("</code></pre>\n");
    }
}
