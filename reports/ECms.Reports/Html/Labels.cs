using ECms.Reports.Model;

namespace ECms.Reports.Html;

/// <summary>The report's fixed words in Thai and English; Thai first, as the reader is a Thai official.</summary>
internal static class Labels
{
    public static (string Th, string En) Of(Verdict verdict) => verdict switch
    {
        Verdict.Passed => ("ผ่าน", "Passed"),
        Verdict.Failed => ("ไม่ผ่าน", "Failed"),
        Verdict.Warning => ("คำเตือน", "Warning"),
        Verdict.NotApplicable => ("ไม่เกี่ยวข้อง", "Not applicable"),
        Verdict.NotTested => ("ไม่ได้ทดสอบ", "Not tested"),
        Verdict.Error => ("ข้อผิดพลาด", "Error"),
        _ => (verdict.ToString(), verdict.ToString()),
    };

    public static (string Th, string En) Of(RunVerdict verdict) => verdict switch
    {
        RunVerdict.Passed => ("ผ่าน", "Passed"),
        RunVerdict.Failed => ("ไม่ผ่าน", "Failed"),
        RunVerdict.Error => ("ข้อผิดพลาด — การทดสอบไม่สมบูรณ์", "Error — the run is incomplete"),
        _ => (verdict.ToString(), verdict.ToString()),
    };

    public static (string Th, string En) Of(RequirementLevel level) => level switch
    {
        RequirementLevel.Must => ("ต้อง", "MUST"),
        RequirementLevel.Should => ("ควร", "SHOULD"),
        RequirementLevel.Info => ("ข้อมูล", "INFO"),
        _ => (level.ToString(), level.ToString()),
    };

    public static (string Th, string En) OfRole(string category) => category switch
    {
        RoleCategory.Sender => ("ผู้ส่ง (ต้นทาง)", "sender"),
        RoleCategory.Receiver => ("ผู้รับ (ปลายทาง)", "receiver"),
        RoleCategory.Directory => ("บริการสารบบ", "directory"),
        _ => ("อื่น ๆ", "other"),
    };

    /// <summary>Failed-first order: what needs action comes first.</summary>
    public static int Rank(Verdict verdict) => verdict switch
    {
        Verdict.Failed => 0,
        Verdict.Error => 1,
        Verdict.Warning => 2,
        _ => 3,
    };
}
