namespace ECms.Reports.Model;

/// <summary>The checklist's chapters (spec/checklist.md, groups A–F); unknown groups are shown by their letter.</summary>
public static class ChecklistGroups
{
    private static readonly Dictionary<string, LocalizedText> Titles = new(StringComparer.Ordinal)
    {
        ["A"] = new("การรับส่ง ซองข้อความ และการเชื่อมต่อ", "Transport, envelope and connectivity"),
        ["B"] = new("บริการสารบบและบริการเสริม", "Directory and utility services"),
        ["C"] = new("ระบบที่ทดสอบเป็นผู้ส่ง (ต้นทาง)", "SUT as sender"),
        ["D"] = new("ระบบที่ทดสอบเป็นผู้รับ (ปลายทาง)", "SUT as receiver"),
        ["E"] = new("ข้อความที่ศูนย์กลางจะปฏิเสธ (ตรวจจากข้อมูลที่รับส่ง)", "Traffic the hub would refuse (checked on the wire)"),
        ["F"] = new("สถานการณ์ครบวงจร", "End-to-end scenarios"),
    };

    public static LocalizedText? TitleOf(string group) => Titles.GetValueOrDefault(group);
}
