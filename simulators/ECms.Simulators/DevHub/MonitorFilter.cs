using System.Globalization;
using ECms.Protocol;
using Microsoft.AspNetCore.Http;

namespace ECms.Simulators.DevHub;

/// <summary>The monitor's filters, from the query string; a value that does not parse is ignored, never an error page.</summary>
internal sealed record MonitorFilter(string? Agency, MonitorStep? Status, DateOnly? From, DateOnly? To)
{
    public static MonitorFilter Parse(IQueryCollection query)
    {
        var agency = query["agency"].ToString();
        MonitorStep? status = Enum.TryParse<MonitorStep>(query["status"].ToString(), ignoreCase: true, out var step) && Enum.IsDefined(step) ? step : null;
        return new MonitorFilter(agency.Length == 0 ? null : agency, status, Day(query["from"].ToString()), Day(query["to"].ToString()));
    }

    public bool Matches(MonitorLetter letter)
    {
        var day = DateOnly.FromDateTime(letter.View.SentAt.ToOffset(WireFormats.ThailandOffset).DateTime);
        return (Agency is null || letter.Involves(Agency))
            && (Status is null || letter.Step == Status)
            && (From is null || day >= From)
            && (To is null || day <= To);
    }

    private static DateOnly? Day(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
