using System.Globalization;

namespace ECms.Protocol;

/// <summary>
/// Date and time text on the wire. Always Gregorian and culture-invariant: formatting a date with the th-TH culture
/// yields a Buddhist-era year (2567 for 2024), the best-known trap of this protocol (R-SEND-3).
/// </summary>
public static class WireFormats
{
    public const string DatePattern = "yyyy-MM-dd";
    public const string DateTimePattern = "yyyy-MM-ddTHH:mm:ss";
    public const string ProcessTimePattern = "yyyy-MM-ddTHH:mm:ss.fff";

    /// <summary>Letters carry Thai local time without a zone (spec §3.2).</summary>
    public static readonly TimeSpan ThailandOffset = TimeSpan.FromHours(7);

    /// <summary>The Buddhist era runs 543 years ahead of the Gregorian calendar.</summary>
    public const int BuddhistEraOffset = 543;

    public static string FormatDate(DateOnly date) => date.ToString(DatePattern, CultureInfo.InvariantCulture);

    public static string FormatDateTime(DateTimeOffset instant) =>
        instant.ToOffset(ThailandOffset).ToString(DateTimePattern, CultureInfo.InvariantCulture);

    public static string FormatProcessTime(DateTimeOffset instant) =>
        instant.ToOffset(ThailandOffset).ToString(ProcessTimePattern, CultureInfo.InvariantCulture);

    public static DateOnly ThaiToday(TimeProvider clock) =>
        DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(ThailandOffset).DateTime);

    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, DatePattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static bool TryParseDateTime(string? text, out DateTime dateTime) =>
        DateTime.TryParseExact(text, DateTimePattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out dateTime);

    /// <summary>Reads ProcessTime/AcceptDate leniently: with or without fractional seconds.</summary>
    public static bool TryParseProcessTime(string? text, out DateTime dateTime) =>
        DateTime.TryParseExact(text, [ProcessTimePattern, DateTimePattern, "yyyy-MM-ddTHH:mm:ss.FFFFFFF"],
            CultureInfo.InvariantCulture, DateTimeStyles.None, out dateTime);

    /// <summary>A Buddhist-era calendar year entered by a person, as the Gregorian year the wire needs.</summary>
    public static int GregorianYearFromBuddhistEra(int buddhistYear) => buddhistYear - BuddhistEraOffset;

    public static int BuddhistEraYear(DateOnly date) => date.Year + BuddhistEraOffset;
}
