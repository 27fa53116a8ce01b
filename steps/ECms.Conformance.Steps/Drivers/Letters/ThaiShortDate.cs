using System.Globalization;
using ECms.Protocol;

namespace ECms.Conformance.Steps.Drivers.Letters;

/// <summary>
/// A date as a Thai clerk reads and types it, "11 มิ.ย. 2567": day, abbreviated month, Buddhist-era year. Scenarios
/// and operator instructions use it; the wire never carries it (WireFormats). Month names are spelled out rather than
/// taken from the th-TH culture so the text is the same on every machine.
/// </summary>
internal static class ThaiShortDate
{
    private static readonly string[] Months = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."];

    public static string Format(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Day} {Months[date.Month - 1]} {WireFormats.BuddhistEraYear(date)}");

    /// <exception cref="FormatException">The text is not a day, a Thai abbreviated month and a Buddhist-era year.</exception>
    public static DateOnly Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var month = parts.Length == 3 ? Array.IndexOf(Months, parts[1]) + 1 : 0;
        if (month == 0
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !DateOnly.TryParseExact(
                string.Create(CultureInfo.InvariantCulture, $"{WireFormats.GregorianYearFromBuddhistEra(year):D4}-{month:D2}-{day:D2}"),
                WireFormats.DatePattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new FormatException($"\"{text}\" is not a Thai date like \"11 มิ.ย. 2567\" (day, abbreviated month, Buddhist-era year).");
        }

        return date;
    }
}
