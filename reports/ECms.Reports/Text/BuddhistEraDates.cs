using System.Globalization;

namespace ECms.Reports.Text;

/// <summary>
/// Dates for humans: Gregorian and Buddhist era (พ.ศ. = year + 543), Thai and English. Month names are spelled out
/// here rather than taken from ICU so the rendered report is byte-identical on every machine (verify re-renders it).
/// </summary>
internal static class BuddhistEraDates
{
    public const int Offset = 543;

    private static readonly string[] ThaiMonths =
    [
        "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
        "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
    ];

    private static readonly string[] EnglishMonths =
    [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ];

    /// <summary><c>11 มิถุนายน พ.ศ. 2567 เวลา 09:30:12 น. (ค.ศ. 2024, UTC+07:00)</c></summary>
    public static string Thai(DateTimeOffset time) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{time.Day} {ThaiMonths[time.Month - 1]} พ.ศ. {time.Year + Offset} เวลา {time:HH:mm:ss} น. (ค.ศ. {time.Year}, {Zone(time)})");

    /// <summary><c>11 June 2024, 09:30:12 UTC+07:00 (B.E. 2567)</c></summary>
    public static string English(DateTimeOffset time) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{time.Day} {EnglishMonths[time.Month - 1]} {time.Year}, {time:HH:mm:ss} {Zone(time)} (B.E. {time.Year + Offset})");

    /// <summary>Wire-style time for exchange lists: <c>2024-06-11T09:30:12.457+07:00</c>.</summary>
    public static string Iso(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    private static string Zone(DateTimeOffset time)
    {
        if (time.Offset == TimeSpan.Zero)
        {
            return "UTC";
        }

        var sign = time.Offset < TimeSpan.Zero ? "-" : "+";
        return string.Create(CultureInfo.InvariantCulture, $"UTC{sign}{time.Offset:hh\\:mm}");
    }
}
