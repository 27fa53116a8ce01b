using System.Text;

namespace ECms.ReferenceAgency.Tests.Support;

/// <summary>Test data in the contract's JSON shape: letter payloads, keys and small files with known bytes.</summary>
public static class Letters
{
    public const string Sut = "9900100000";
    public const string Peer = "9900200000";
    public const string Unregistered = "9900999000";

    public const string ThaiSubject = "ขอความอนุเคราะห์ข้อมูลสถิติการใช้บริการ ปี ๒๕๖๖ & 2567";

    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n% test cover letter\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

    public static readonly byte[] Spreadsheet = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0xFF, 0x00];

    public static Dictionary<string, object?> Draft(string letterId = "ทส 9901.3/1187", string receiver = Peer, string subject = ThaiSubject,
        bool withCover = true, string date = "2024-06-11") => new()
        {
            ["receiverOrganizationId"] = receiver,
            ["letterId"] = letterId,
            ["correspondenceDate"] = date,
            ["subject"] = subject,
            ["secretCode"] = "001",
            ["speedCode"] = "003",
            ["description"] = "ขอให้ส่งข้อมูลภายในวันที่ 30 มิถุนายน 2567",
            ["attachmentText"] = "แบบสำรวจข้อมูล จำนวน 1 ชุด",
            ["sender"] = new { givenName = "วรรณา", familyName = "ทดลองดี", jobTitle = "ผู้อำนวยการกองทดสอบระบบ" },
            ["receiver"] = new { givenName = "", familyName = "", jobTitle = "อธิบดีหน่วยงานบี" },
            ["references"] = new[] { new { letterId = "ทบ 9902/455", correspondenceDate = "2024-05-20", subject = "การจัดทำรายงานประจำปี" } },
            ["mainLetter"] = withCover ? new { fileName = "cover.pdf", mimeType = "application/pdf", contentBase64 = Convert.ToBase64String(Pdf) } : null,
            ["attachments"] = new[]
            {
                new { fileName = "data.xlsx", mimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", contentBase64 = Convert.ToBase64String(Spreadsheet) },
            },
        };

    public static Dictionary<string, object?> Key(string letterId = "ทส 9901.3/1187", string counterpart = Peer, string date = "2024-06-11") => new()
    {
        ["counterpartOrganizationId"] = counterpart,
        ["letterId"] = letterId,
        ["correspondenceDate"] = date,
    };

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
}
