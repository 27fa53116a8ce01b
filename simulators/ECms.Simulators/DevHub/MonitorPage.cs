using System.Globalization;
using System.Text;
using ECms.Protocol.CodeLists;
using ECms.Protocol.Wire;
using ECms.Simulators.Hub;
using ECms.Simulators.Persistence;

namespace ECms.Simulators.DevHub;

/// <summary>
/// The monitor (FAQ items 8 and 14), server-rendered: the letter list with filters, each agency's waiting queue, a
/// letter's exchanges with pretty-printed SOAP and findings, and the monthly statistics. No script; every text encoded.
/// </summary>
internal static class MonitorPage
{
    private const string Style =
        """
        body{font-family:"Noto Sans Thai","Sarabun","Loma",sans-serif;margin:1.5rem;color:#1b1b1b}
        table{border-collapse:collapse;margin:.5rem 0 1.5rem}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
        th{background:#f0f0f0}nav a{margin-right:1rem}pre{white-space:pre-wrap;word-break:break-all;background:#f7f7f7;padding:.5rem;max-height:30rem;overflow:auto}
        .step-Rejected,.step-Invalid,.outcome-Rejected,.outcome-Invalid,.outcome-InternalError{color:#a00000}.step-Collected{color:#006400}
        .banner{background:#fff3cd;padding:.5rem;border:1px solid #e0c060}.settings{color:#555}.restored{background:#e8f0fe;padding:.5rem;border:1px solid #9ab}form label{margin-right:.75rem}
        """;

    private static readonly (MonitorStep Step, string Thai, string English)[] Steps =
    [
        (MonitorStep.Sent, "ส่งแล้ว", "Sent"),
        (MonitorStep.Pulled, "ผู้รับดึงแล้ว", "Pulled by receiver"),
        (MonitorStep.Acknowledged, "ตอบรับแล้ว", "Acknowledged"),
        (MonitorStep.ReceiptNumber, "ส่งเลขรับแล้ว", "Receipt number"),
        (MonitorStep.Collected, "ผู้ส่งรับเลขรับแล้ว", "Collected by sender"),
        (MonitorStep.Rejected, "ปฏิเสธ", "Rejected"),
        (MonitorStep.Invalid, "แจ้งหนังสือไม่ถูกต้อง", "Reported invalid"),
        (MonitorStep.Withdrawn, "ดึงคืน", "Withdrawn"),
    ];

    public static string Letters(FakeHub hub, MonitorFilter filter)
    {
        var agencies = hub.Agencies;
        var letters = hub.MonitorLetters().Where(filter.Matches).Reverse().ToArray();
        var html = Start("e-CMS 2.0 monitor — หนังสือ", hub);
        html.Raw("<h1>หนังสือ · Letters</h1>");
        FilterForm(html, filter, agencies);
        html.Raw("<table id=\"letters\"><thead><tr><th>ส่งเมื่อ · Sent</th><th>ผู้ส่ง · Sender</th><th>ผู้รับ · Receiver</th><th>เลขที่ · Letter number</th>")
            .Raw("<th>เรื่อง · Subject</th><th>ชั้นความลับ · Secret</th><th>ความเร่งด่วน · Speed</th><th>ขั้นตอน · Step</th>")
            .Raw("<th>ดึง · Pulled</th><th>ตอบรับ · Acknowledged</th><th>เลขรับ · Receipt number</th><th>ผู้ส่งรับแล้ว · Collected</th></tr></thead><tbody>");
        foreach (var letter in letters)
        {
            var view = letter.View;
            html.Raw("<tr data-letter=\"").Text(view.SubmissionProcessId).Raw("\">")
                .Element("td", Html.Time(view.SentAt))
                .Element("td", AgencyName(agencies, view.Key.SenderOrganizationId))
                .Element("td", AgencyName(agencies, view.Key.ReceiverOrganizationId))
                .Raw("<td>").Link($"/monitor/letters/{Uri.EscapeDataString(view.SubmissionProcessId)}", $"{view.Key.LetterId} ({view.Key.CorrespondenceDate})").Raw("</td>")
                .Element("td", view.Subject, "subject")
                .Element("td", CodeLists.Standard.SecretCode(letter.SecretCode)?.Description ?? letter.SecretCode)
                .Element("td", CodeLists.Standard.SpeedCode(letter.SpeedCode)?.Description ?? letter.SpeedCode);
            StepCell(html, letter.Step);
            html.Element("td", Html.Time(letter.PulledAt))
                .Element("td", Html.Time(letter.AcknowledgedAt))
                .Element("td", letter.RegisteredAt is null ? "" : $"{view.AcceptId} · {Html.Time(letter.RegisteredAt)}", "receipt")
                .Element("td", Html.Time(letter.CollectedAt))
                .Raw("</tr>");
        }

        html.Raw("</tbody></table>");
        if (letters.Length == 0)
        {
            html.Element("p", "ไม่มีหนังสือตามเงื่อนไข · No letters match.");
        }

        Queues(html, hub, agencies.Where(a => filter.Agency is null || a.OrganizationId == filter.Agency).ToArray());
        return End(html);
    }

    public static string? Letter(FakeHub hub, string submissionProcessId)
    {
        if (hub.MonitorLetter(submissionProcessId) is not { } letter)
        {
            return null;
        }

        var agencies = hub.Agencies;
        var view = letter.View;
        var html = Start($"e-CMS 2.0 monitor — {view.Key.LetterId}", hub);
        html.Element("h1", $"{view.Key.LetterId} ({view.Key.CorrespondenceDate})")
            .Element("p", view.Subject, "subject")
            .Raw("<p>").Text($"{AgencyName(agencies, view.Key.SenderOrganizationId)} → {AgencyName(agencies, view.Key.ReceiverOrganizationId)} · ProcessID {view.SubmissionProcessId} · ")
            .Text($"{CodeLists.Standard.SecretCode(letter.SecretCode)?.Description ?? letter.SecretCode} · {CodeLists.Standard.SpeedCode(letter.SpeedCode)?.Description ?? letter.SpeedCode}").Raw("</p>");
        html.Raw("<table id=\"steps\"><tr><th>ขั้นตอน · Step</th><th>เวลา · Time</th></tr>");
        StepRow(html, MonitorStep.Sent, view.SentAt, null);
        StepRow(html, MonitorStep.Pulled, letter.PulledAt, letter.PullCount > 0 ? $"{letter.PullCount}×" : null);
        StepRow(html, MonitorStep.Acknowledged, letter.AcknowledgedAt, null);
        StepRow(html, MonitorStep.ReceiptNumber, letter.RegisteredAt, view.AcceptId);
        StepRow(html, MonitorStep.Collected, letter.CollectedAt, null);
        foreach (var (step, at) in new[] { (MonitorStep.Rejected, letter.RejectedAt), (MonitorStep.Invalid, letter.InvalidAt), (MonitorStep.Withdrawn, letter.WithdrawnAt) })
        {
            if (at is not null)
            {
                StepRow(html, step, at, null);
            }
        }

        html.Raw("</table><h2>การแลกเปลี่ยน · Exchanges</h2>");
        foreach (var exchange in hub.ExchangesOf(view))
        {
            Exchange(html, exchange, agencies);
        }

        return End(html);
    }

    public static string Statistics(FakeHub hub, string? month)
    {
        var rows = MonthlyStatistics.Compute(hub.MonitorLetters(), hub.Agencies, month);
        var html = Start("e-CMS 2.0 monitor — สถิติรายเดือน", hub);
        html.Raw("<h1>สถิติรายเดือน · Monthly statistics</h1>")
            .Raw("<form method=\"get\" action=\"/monitor/stats\"><label>เดือน · Month <input type=\"month\" name=\"month\" value=\"").Text(month)
            .Raw("\"></label><button type=\"submit\">แสดง · Show</button></form><p>")
            .Link("/monitor/stats.csv" + (month is null ? "" : "?" + Html.Query(("month", month))), "ดาวน์โหลด CSV · Download CSV")
            .Raw("</p><table id=\"stats\"><thead><tr><th>เดือน · Month</th><th>หน่วยงาน · Agency</th><th>ส่ง · Sent</th><th>รับ · Received</th>")
            .Raw("<th>ตอบรับ · Acknowledged</th><th>มีเลขรับ · With receipt number</th><th>ปฏิเสธ · Rejected</th></tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Raw("<tr data-agency=\"").Text(row.OrganizationId).Raw("\" data-month=\"").Text(row.Month).Raw("\">")
                .Element("td", row.Month)
                .Element("td", $"{row.ThaiName} ({row.OrganizationId})")
                .Element("td", Count(row.Sent), "sent")
                .Element("td", Count(row.Received), "received")
                .Element("td", Count(row.Acknowledged), "acknowledged")
                .Element("td", Count(row.WithReceiptNumber), "with-receipt-number")
                .Element("td", Count(row.Rejected), "rejected")
                .Raw("</tr>");
        }

        html.Raw("</tbody></table>")
            .Element("p", "นับตามเดือนที่ส่ง (เวลาประเทศไทย) · Counted in the month the letter was sent (Thai time).");
        return End(html);
    }

    private static void FilterForm(Html html, MonitorFilter filter, IReadOnlyList<RegisteredAgency> agencies)
    {
        html.Raw("<form method=\"get\" action=\"/monitor\"><label>หน่วยงาน · Agency <select name=\"agency\"><option value=\"\">ทั้งหมด · All</option>");
        foreach (var agency in agencies)
        {
            html.Raw("<option value=\"").Text(agency.OrganizationId).Raw(agency.OrganizationId == filter.Agency ? "\" selected>" : "\">")
                .Text($"{agency.ThaiName} ({agency.OrganizationId})").Raw("</option>");
        }

        html.Raw("</select></label><label>ขั้นตอน · Status <select name=\"status\"><option value=\"\">ทั้งหมด · All</option>");
        foreach (var (step, thai, english) in Steps)
        {
            html.Raw("<option value=\"").Text(step.ToString()).Raw(step == filter.Status ? "\" selected>" : "\">").Text($"{thai} · {english}").Raw("</option>");
        }

        html.Raw("</select></label><label>ตั้งแต่ · From <input type=\"date\" name=\"from\" value=\"").Text(Day(filter.From))
            .Raw("\"></label><label>ถึง · To <input type=\"date\" name=\"to\" value=\"").Text(Day(filter.To))
            .Raw("\"></label><button type=\"submit\">กรอง · Filter</button></form>");
    }

    private static void Queues(Html html, FakeHub hub, IReadOnlyList<RegisteredAgency> agencies)
    {
        html.Raw("<h2>รายการรอในคิว · Waiting in queues</h2>");
        foreach (var agency in agencies)
        {
            var queue = hub.QueueOf(agency.OrganizationId);
            html.Raw("<section class=\"queue\" data-agency=\"").Text(agency.OrganizationId).Raw("\">")
                .Element("h3", $"{agency.ThaiName} ({agency.OrganizationId}) — {queue.Count}");
            if (queue.Count == 0)
            {
                html.Raw("</section>");
                continue;
            }

            html.Raw("<table><tr><th>ProcessID</th><th>ชนิด · Kind</th><th>หนังสือ · Letter</th><th>เข้าคิว · Queued</th><th>ดึงแล้ว · Pulls</th></tr>");
            foreach (var item in queue)
            {
                html.Raw("<tr>").Element("td", item.ProcessId).Element("td", item.Notifier?.ToString() ?? "Letter")
                    .Element("td", item.Letter is { } key ? $"{key.LetterId} ({key.CorrespondenceDate}) {key.SenderOrganizationId}→{key.ReceiverOrganizationId}" : "")
                    .Element("td", Html.Time(item.QueuedAt)).Element("td", item.PullCount.ToString(CultureInfo.InvariantCulture)).Raw("</tr>");
            }

            html.Raw("</table></section>");
        }
    }

    private static void Exchange(Html html, StoredExchange exchange, IReadOnlyList<RegisteredAgency> agencies)
    {
        html.Raw("<section class=\"exchange outcome-").Text(exchange.Outcome).Raw("\">")
            .Element("h3", $"#{exchange.Sequence} {exchange.Operation} · {AgencyName(agencies, exchange.OrganizationId ?? "?")} · {exchange.Outcome} · HTTP {exchange.StatusCode}")
            .Element("p", $"{Html.Time(exchange.ReceivedAt)} → {Html.Time(exchange.RespondedAt)}");
        if (exchange.Problem is not null)
        {
            html.Element("p", exchange.Problem);
        }

        foreach (var error in exchange.Errors)
        {
            html.Element("p", $"{error.Code}: {error.Description}", "error");
        }

        if (exchange.Findings.Count > 0)
        {
            html.Raw("<table class=\"findings\"><tr><th>Rule</th><th>Level</th><th>Path</th><th>ภาษาไทย</th><th>English</th></tr>");
            foreach (var finding in exchange.Findings)
            {
                html.Raw("<tr>").Element("td", finding.RuleId).Element("td", finding.Level.ToString()).Element("td", finding.Path)
                    .Element("td", finding.MessageTh).Element("td", finding.MessageEn).Raw("</tr>");
            }

            html.Raw("</table>");
        }

        html.Element("h4", "Request" + Truncation(exchange.Request.Length, exchange.RequestLength)).Element("pre", Pretty(exchange.Request, exchange.RequestTruncated))
            .Element("h4", "Response" + Truncation(exchange.Response.Length, exchange.ResponseLength)).Element("pre", Pretty(exchange.Response, exchange.ResponseTruncated))
            .Raw("</section>");
    }

    /// <summary>Indented when the body is whole, well-formed XML (read with the hardened loader); otherwise as it came.</summary>
    private static string Pretty(byte[] body, bool truncated)
    {
        if (!truncated && body.Length > 0 && SafeXmlLoader.Load(body).Document is { } document)
        {
            return document.ToString();
        }

        return Encoding.UTF8.GetString(body);
    }

    private static string Truncation(long kept, long length) =>
        kept < length ? $" (first {kept:N0} of {length:N0} bytes stored)" : "";

    private static void StepCell(Html html, MonitorStep step)
    {
        var (_, thai, english) = Steps.First(s => s.Step == step);
        var position = step <= MonitorStep.Collected ? $"{(int)step}/5 " : "";
        html.Raw("<td class=\"step step-").Text(step.ToString()).Raw("\" data-step=\"").Text(step.ToString()).Raw("\">")
            .Text($"{position}{thai} · {english}").Raw("</td>");
    }

    private static void StepRow(Html html, MonitorStep step, DateTimeOffset? at, string? note)
    {
        var (_, thai, english) = Steps.First(s => s.Step == step);
        html.Raw("<tr data-step=\"").Text(step.ToString()).Raw(at is null ? "\" class=\"pending\">" : "\" class=\"done\">")
            .Element("td", $"{thai} · {english}{(note is null ? "" : $" — {note}")}")
            .Element("td", at is null ? "—" : Html.Time(at))
            .Raw("</tr>");
    }

    private static string AgencyName(IReadOnlyList<RegisteredAgency> agencies, string organizationId) =>
        agencies.FirstOrDefault(a => a.OrganizationId == organizationId) is { } agency ? $"{agency.ThaiName} ({organizationId})" : organizationId;

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Html Start(string title, FakeHub hub)
    {
        var html = new Html().Raw("<!DOCTYPE html><html lang=\"th\"><head><meta charset=\"utf-8\"><title>").Text(title)
            .Raw("</title><style>").Raw(Style).Raw("</style></head><body><nav>")
            .Link("/monitor", "หนังสือ · Letters").Link("/monitor/stats", "สถิติ · Statistics").Raw("</nav>");
        var offset = hub.Clock.Offset;
        html.Element("p",
            $"ระดับการตรวจ · Strictness: {hub.Strictness} · ส่วนต่างเวลา · Clock offset: {(offset < TimeSpan.Zero ? "-" : "+")}{offset.Duration():c}" +
            $" · ความผิดพลาดที่จำลอง · Injected faults: {hub.ActiveFaults.Count} · เก็บบันทึกการแลกเปลี่ยน · Journal keeps: {hub.Options.JournalRetention}", "settings");
        if (hub.RestoredSettings is { } restored)
        {
            html.Element("p", $"คืนค่าจากไฟล์ข้อมูลเมื่อเริ่มระบบ · Restored from the data file at start-up: {restored}", "restored");
        }

        foreach (var failure in new[] { hub.LastSettingsStoreFailure, hub.LastJournalPruneFailure }.OfType<string>())
        {
            html.Element("p", failure, "banner");
        }

        if (hub.JournalStoreFailures > 0)
        {
            html.Element("p", $"The store failed to journal {hub.JournalStoreFailures} exchange(s); the latest: {hub.LastJournalStoreFailure}", "banner");
        }

        return html;
    }

    private static string End(Html html) => html.Raw("</body></html>").ToString();
}
