using System.Globalization;
using System.Text;
using ECms.Reports.Model;
using ECms.Reports.Text;

namespace ECms.Reports.Html;

public static partial class HtmlReport
{
    private static void AppendChecklist(StringBuilder html, RunReport report, List<ItemResult> items)
    {
        html.Append("<section id=\"checklist-section\">\n<h2>").Append(Bi("รายการตรวจสอบ", "Checklist")).Append("</h2>\n");
        AppendFilters(html, items);

        html.Append("<table class=\"checklist\" id=\"checklist\">\n<thead><tr><th>").Append(Bi("รหัส", "ID"))
            .Append("</th><th>").Append(Bi("หัวข้อ", "Title")).Append("</th><th>").Append(Bi("ระดับ", "Level"))
            .Append("</th><th>").Append(Bi("บทบาท", "Role")).Append("</th><th>").Append(Bi("ผล", "Verdict"))
            .Append("</th><th>").Append(Bi("กฎ", "Rules")).Append("</th></tr></thead>\n");

        for (var index = 0; index < items.Count; index++)
        {
            AppendItem(html, report, items[index], index);
        }

        html.Append("</table>\n</section>\n");
    }

    private static void AppendFilters(StringBuilder html, List<ItemResult> items)
    {
        // Hidden until the script runs (class "js" on <html>): without script the controls would do nothing.
        html.Append("<form class=\"controls\" id=\"filters\">\n<fieldset><legend>").Append(Bi("ผล", "Verdict")).Append("</legend>\n");
        foreach (var verdict in Enum.GetValues<Verdict>())
        {
            html.Append("<label><input type=\"checkbox\" name=\"verdict\" value=\"").Append(verdict).Append("\" checked> ")
                .Append(Bi(Labels.Of(verdict))).Append("</label>\n");
        }

        html.Append("</fieldset>\n<fieldset><legend>").Append(Bi("บทบาท", "Role")).Append("</legend>\n");
        var present = items.SelectMany(item => RoleCategory.Of(item.Role)).ToHashSet();
        foreach (var role in RoleCategory.All.Where(present.Contains))
        {
            html.Append("<label><input type=\"checkbox\" name=\"role\" value=\"").Append(role).Append("\" checked> ")
                .Append(Bi(Labels.OfRole(role))).Append("</label>\n");
        }

        html.Append("</fieldset>\n<label><input type=\"checkbox\" name=\"failed-first\"> ")
            .Append(Bi("แสดงรายการที่ไม่ผ่านก่อน", "Failed first")).Append("</label>\n<span>")
            .Append(Bi("แสดง", "Showing")).Append(" <output id=\"shown-count\">")
            .Append(items.Count.ToString(CultureInfo.InvariantCulture)).Append("</output></span>\n</form>\n");
    }

    private static void AppendItem(StringBuilder html, RunReport report, ItemResult item, int index)
    {
        var order = index.ToString(CultureInfo.InvariantCulture);
        html.Append("<tbody class=\"item item-").Append(item.Verdict).Append("\" id=\"item-").Append(order)
            .Append("\" data-verdict=\"").Append(item.Verdict)
            .Append("\" data-roles=\"").Append(string.Join(' ', RoleCategory.Of(item.Role)))
            .Append("\" data-rank=\"").Append(Labels.Rank(item.Verdict).ToString(CultureInfo.InvariantCulture))
            .Append("\" data-order=\"").Append(order).Append("\">\n<tr class=\"summary-row\"><td class=\"id\">")
            .Append(HtmlText.Escape(item.Id)).Append("</td><td class=\"title\">").Append(Text(item.Title))
            .Append("</td><td>").Append(Bi(Labels.Of(item.Level))).Append("</td><td>").Append(HtmlText.Escape(item.Role))
            .Append("</td><td>").Append(Badge(item.Verdict)).Append("</td><td class=\"rules\">")
            .Append(string.Concat(item.Rules.Select(rule => $"<code>{HtmlText.Escape(rule)}</code>")))
            .Append("</td></tr>\n<tr class=\"detail-row\"><td colspan=\"6\"><details><summary>")
            .Append(Bi("รายละเอียดและหลักฐาน", "Details and evidence"));
        if (item.Evidence.Count > 0)
        {
            html.Append(" (").Append(Bi($"{item.Evidence.Count} รายการ", item.Evidence.Count == 1 ? "1 exchange" : $"{item.Evidence.Count} exchanges")).Append(')');
        }

        html.Append("</summary>\n");
        AppendOutcome(html, item);
        AppendFindings(html, item.Findings, "item-findings");
        AppendEvidence(html, report, item);
        html.Append("</details></td></tr>\n</tbody>\n");
    }

    private static void AppendOutcome(StringBuilder html, ItemResult item)
    {
        html.Append("<div class=\"outcome\">\n");
        if (item.Message is not null)
        {
            html.Append("<p class=\"message\">").Append(HtmlText.Escape(item.Message)).Append("</p>\n");
        }

        if (item.Expected is not null || item.Actual is not null)
        {
            // One plain sentence: what the item requires, then what the SUT did.
            html.Append("<p class=\"expected-actual\"><strong>").Append(Bi("คาดหวัง", "Expected")).Append(":</strong> ")
                .Append(item.Expected is null ? Unknown : HtmlText.Escape(item.Expected))
                .Append(" — <strong>").Append(Bi("ผลที่เกิดขึ้น", "Actual")).Append(":</strong> ")
                .Append(item.Actual is null ? Unknown : HtmlText.Escape(item.Actual)).Append("</p>\n");
        }

        if (item.Hint is not null)
        {
            html.Append("<p class=\"hint\"><strong>").Append(Bi("แนวทางแก้ไข", "Likely fix")).Append(":</strong> ")
                .Append(HtmlText.Escape(item.Hint)).Append("</p>\n");
        }

        if (item.Message is null && item.Expected is null && item.Actual is null && item.Hint is null)
        {
            html.Append("<p class=\"message\">").Append(Bi("ไม่มีคำอธิบายในผลการทดสอบ", "The run recorded no explanation.")).Append("</p>\n");
        }

        html.Append("</div>\n");
    }

    private static void AppendFindings(StringBuilder html, IReadOnlyList<FindingRecord> findings, string cssClass)
    {
        if (findings.Count == 0)
        {
            return;
        }

        html.Append("<table class=\"findings ").Append(cssClass).Append("\">\n<thead><tr><th>").Append(Bi("กฎ", "Rule"))
            .Append("</th><th>").Append(Bi("ระดับ", "Level")).Append("</th><th>").Append(Bi("ข้อความ", "Message"))
            .Append("</th><th>").Append(Bi("ตำแหน่ง", "Path")).Append("</th><th>").Append(Bi("ค่า", "Value"))
            .Append("</th></tr></thead>\n<tbody>\n");
        foreach (var finding in findings)
        {
            html.Append("<tr><td><code>").Append(HtmlText.Escape(finding.Rule)).Append("</code></td><td>")
                .Append(Bi(Labels.Of(finding.Level))).Append("</td><td>").Append(Text(finding.Message))
                .Append("</td><td class=\"path\"><code>").Append(HtmlText.Escape(finding.Path)).Append("</code></td><td>")
                .Append(finding.Value is null ? "" : $"<code>{HtmlText.Escape(finding.Value)}</code>").Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }
}
