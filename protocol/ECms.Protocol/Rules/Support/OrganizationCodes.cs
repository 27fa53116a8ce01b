namespace ECms.Protocol.Rules.Support;

/// <summary>
/// The format of a 2.0 organisation code (spec §8.1): ten ASCII digits, the first two being the ministry. Used by
/// R-SEND-7 for the parties of a letter and by R-DELDOC-1 for the departments of a withdrawal.
/// </summary>
internal static class OrganizationCodes
{
    public const int Length = 10;
    private const int V1Length = 5;

    public static Issue? CheckFormat(string field, string code)
    {
        if (WireText.IsBlank(code))
        {
            return Issue.Must($"{field} ว่างเปล่า ต้องเป็นรหัสหน่วยงาน 10 หลัก", $"{field} is empty; a 10-digit organisation code is required.");
        }

        if (WireText.HasThaiDigits(code))
        {
            return Issue.Must($"{field} \"{code}\" ใช้เลขไทย รหัสหน่วยงานต้องเป็นเลขอารบิก 10 หลัก",
                $"{field} \"{code}\" is written with Thai digits; organisation codes are 10 ASCII digits.");
        }

        if (WireText.IsAsciiDigits(code, V1Length))
        {
            return Issue.Must($"{field} \"{code}\" เป็นรหัส 5 หลักแบบ e-CMS 1.x แต่ e-CMS 2.0 ใช้รหัสหน่วยงาน 10 หลัก",
                $"{field} \"{code}\" is a 5-digit e-CMS 1.x code; e-CMS 2.0 uses 10-digit organisation codes.");
        }

        return WireText.IsAsciiDigits(code, Length)
            ? null
            : Issue.Must($"{field} \"{code}\" ไม่ใช่รหัสหน่วยงานตัวเลข 10 หลัก", $"{field} \"{code}\" is not a 10-digit organisation code.");
    }
}
