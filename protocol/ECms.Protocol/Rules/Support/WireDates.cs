using System.Globalization;
using System.Text.RegularExpressions;

namespace ECms.Protocol.Rules.Support;

/// <summary>
/// The one date check of the rule set (R-SEND-3, R-SEND-9, R-SEND-REF, R-NTF-1, R-DELDOC-1): <c>yyyy-MM-dd</c> in ASCII
/// digits, a real calendar date, a Gregorian year (a year of 2400 or more is a Buddhist-era year, the protocol's
/// best-known trap) and not more than a year ahead of the hub's clock.
/// </summary>
internal static partial class WireDates
{
    /// <summary>Years before this are no letter date a saraban system means; 0001-01-01 is an unset DateTime.</summary>
    private const int EarliestPlausibleYear = 1900;

    /// <summary>Gregorian years stay below this until 2400 CE; Buddhist-era years of living memory are all above it.</summary>
    private const int FirstBuddhistEraYear = 2400;

    public static Issue? CheckDate(string field, string text, TimeProvider clock)
    {
        if (WireText.IsBlank(text))
        {
            return Issue.Must($"{field} ว่างเปล่า ต้องเป็นวันที่แบบ yyyy-MM-dd ตามปฏิทินสากล (ค.ศ.)",
                $"{field} is empty; a Gregorian date in the form yyyy-MM-dd is required.");
        }

        if (WireText.HasThaiDigits(text))
        {
            return Issue.Must($"{field} \"{text}\" ใช้เลขไทย ข้อมูลบนสายต้องใช้เลขอารบิก (0–9) ในรูปแบบ yyyy-MM-dd",
                $"{field} \"{text}\" is written with Thai digits; the wire uses ASCII digits in the form yyyy-MM-dd.");
        }

        if (!DateShape().IsMatch(text))
        {
            return DateTimeShape().IsMatch(text)
                ? Issue.Must($"{field} \"{text}\" มีส่วนของเวลา แต่ฟิลด์นี้เป็นวันที่อย่างเดียว (yyyy-MM-dd)",
                    $"{field} \"{text}\" carries a time; the field is a date only, yyyy-MM-dd.")
                : Issue.Must($"{field} \"{text}\" ไม่อยู่ในรูปแบบ yyyy-MM-dd",
                    $"{field} \"{text}\" is not in the form yyyy-MM-dd.");
        }

        return CheckDateValue(field, text, clock);
    }

    /// <summary>
    /// ram:SendDate (R-SEND-9): <c>yyyy-MM-ddTHH:mm:ss</c> local Thai time is the form; a date alone is the 1.x style
    /// (INFO); another ISO form (fraction, zone, space) is readable but not the form (SHOULD); anything else fails.
    /// The date part gets the same calendar checks as every other date.
    /// </summary>
    public static IEnumerable<Issue> CheckDateTime(string field, string text, TimeProvider clock)
    {
        if (WireText.IsBlank(text) || WireText.HasThaiDigits(text))
        {
            yield return CheckDate(field, text, clock)!;
            yield break;
        }

        var datePart = text.Length >= 10 ? text[..10] : text;
        if (DateShape().IsMatch(text))
        {
            yield return Issue.Info($"{field} \"{text}\" มีแต่วันที่ (แบบ e-CMS 1.x) ควรเป็น yyyy-MM-ddTHH:mm:ss",
                $"{field} \"{text}\" has a date but no time (the 1.x style); yyyy-MM-ddTHH:mm:ss is the 2.0 form.");
        }
        else if (SendDateShape().IsMatch(text))
        {
            if (!WireFormats.TryParseDateTime(text, out _) && DateOnly.TryParseExact(datePart, WireFormats.DatePattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                yield return Issue.Must($"{field} \"{text}\" มีเวลาที่ไม่มีอยู่จริง", $"{field} \"{text}\" has a time of day that does not exist.");
                yield break;
            }
        }
        else if (IsoDateTimeShape().IsMatch(text))
        {
            yield return Issue.Should(
                $"{field} \"{text}\" ควรอยู่ในรูปแบบ yyyy-MM-ddTHH:mm:ss ตามเวลาประเทศไทย ไม่มีเศษวินาทีและเขตเวลา",
                $"{field} \"{text}\" should be exactly yyyy-MM-ddTHH:mm:ss in Thai local time, without fractions or a zone.");
        }
        else
        {
            yield return Issue.Must($"{field} \"{text}\" ไม่อยู่ในรูปแบบ yyyy-MM-ddTHH:mm:ss",
                $"{field} \"{text}\" is not in the form yyyy-MM-ddTHH:mm:ss.");
            yield break;
        }

        if (CheckDateValue(field, datePart, clock) is { } dateIssue)
        {
            yield return dateIssue;
        }
    }

    /// <summary>Calendar checks on text already shaped yyyy-MM-dd.</summary>
    private static Issue? CheckDateValue(string field, string text, TimeProvider clock)
    {
        var year = int.Parse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture);
        if (year >= FirstBuddhistEraYear)
        {
            var gregorian = WireFormats.GregorianYearFromBuddhistEra(year).ToString("0000", CultureInfo.InvariantCulture) + text[4..];
            return Issue.Must(
                $"{field} \"{text}\" ดูเหมือนเป็นปีพุทธศักราช ข้อมูลบนสายใช้ปีคริสต์ศักราช ({gregorian})",
                $"{field} \"{text}\": {year} looks like a Buddhist-era year; the wire uses Gregorian ({gregorian}).");
        }

        if (!WireFormats.TryParseDate(text, out var date))
        {
            return Issue.Must($"{field} \"{text}\" ไม่ใช่วันที่ที่มีอยู่จริงในปฏิทิน",
                $"{field} \"{text}\" is not a real calendar date.");
        }

        var today = WireFormats.ThaiToday(clock);
        if (date > today.AddYears(1))
        {
            var now = WireFormats.FormatDate(today);
            return Issue.Must($"{field} \"{text}\" อยู่ในอนาคตเกินหนึ่งปี (วันนี้คือ {now})",
                $"{field} \"{text}\" is more than a year in the future (today is {now}).");
        }

        if (year < EarliestPlausibleYear)
        {
            return Issue.Should($"{field} \"{text}\" เก่ากว่าปี ค.ศ. {EarliestPlausibleYear} ซึ่งไม่น่าเป็นไปได้ (อาจเป็นค่าเริ่มต้นที่ไม่ได้กำหนด)",
                $"{field} \"{text}\" is before {EarliestPlausibleYear}, which is implausible (an unset default date?).");
        }

        return null;
    }

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    private static partial Regex DateShape();

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]")]
    private static partial Regex DateTimeShape();

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}$")]
    private static partial Regex SendDateShape();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,9})?)?(Z|[+-][0-9]{2}:?[0-9]{2})?$")]
    private static partial Regex IsoDateTimeShape();
}
