using System.Globalization;
using System.Text;
using ECms.Protocol;
using ECms.Simulators.Hub;

namespace ECms.Simulators.DevHub;

/// <summary>One agency's letters in one month (Thai time), as the hub operator reports them to agencies (FAQ item 12).</summary>
internal sealed record AgencyMonth(string Month, string OrganizationId, string ThaiName, string EnglishName,
    int Sent, int Received, int Acknowledged, int WithReceiptNumber, int Rejected);

/// <summary>
/// Monthly statistics per agency. A letter counts in the month it was sent (Thai time, UTC+7): for its sender under
/// "sent"; for its receiver under "received" once the receiver pulled it, "acknowledged", "with receipt number" and
/// "rejected" once it sent those notifiers. A withdrawn and resent letter counts once per sending.
/// </summary>
internal static class MonthlyStatistics
{
    private static readonly string[] CsvHeader =
        ["month", "organization_id", "agency_th", "agency_en", "sent", "received", "acknowledged", "with_receipt_number", "rejected"];

    public static string MonthOf(DateTimeOffset at) => at.ToOffset(WireFormats.ThailandOffset).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static IReadOnlyList<AgencyMonth> Compute(IReadOnlyList<MonitorLetter> letters, IReadOnlyList<RegisteredAgency> agencies, string? month = null)
    {
        var months = letters.Select(l => MonthOf(l.View.SentAt)).Where(m => month is null || m == month).Distinct().Order(StringComparer.Ordinal);
        var rows = new List<AgencyMonth>();
        foreach (var m in months)
        {
            var inMonth = letters.Where(l => MonthOf(l.View.SentAt) == m).ToArray();
            foreach (var agency in agencies)
            {
                var org = agency.OrganizationId;
                var received = inMonth.Where(l => l.View.Key.ReceiverOrganizationId == org).ToArray();
                rows.Add(new AgencyMonth(m, org, agency.ThaiName, agency.EnglishName,
                    Sent: inMonth.Count(l => l.View.Key.SenderOrganizationId == org),
                    Received: received.Count(l => l.PulledAt is not null),
                    Acknowledged: received.Count(l => l.AcknowledgedAt is not null),
                    WithReceiptNumber: received.Count(l => l.RegisteredAt is not null),
                    Rejected: received.Count(l => l.RejectedAt is not null)));
            }
        }

        return rows;
    }

    /// <summary>UTF-8 with a byte order mark (Excel then reads Thai correctly), CRLF rows, RFC 4180 quoting.</summary>
    public static byte[] ToCsv(IReadOnlyList<AgencyMonth> rows)
    {
        var text = new StringBuilder();
        text.Append(string.Join(",", CsvHeader)).Append("\r\n");
        foreach (var row in rows)
        {
            string[] fields =
            [
                row.Month, row.OrganizationId, row.ThaiName, row.EnglishName,
                Number(row.Sent), Number(row.Received), Number(row.Acknowledged), Number(row.WithReceiptNumber), Number(row.Rejected),
            ];
            text.Append(string.Join(",", fields.Select(Field))).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Quotes when needed; a text starting like a formula gets a leading apostrophe (names come from strangers).</summary>
    private static string Field(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal) && !int.TryParse(value, CultureInfo.InvariantCulture, out _))
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
