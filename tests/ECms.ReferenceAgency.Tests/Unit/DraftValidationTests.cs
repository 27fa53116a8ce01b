using ECms.ReferenceAgency.Saraban;

namespace ECms.ReferenceAgency.Tests.Unit;

/// <summary>The "new letter" form's checks (checklist C4–C6, B3, B4): each bad draft is refused with a reason, nothing sent.</summary>
public sealed class DraftValidationTests
{
    private static readonly CodeListView Codes = CodeListView.From([], [], []);

    private static readonly LetterDraft Valid = new()
    {
        ReceiverOrganizationId = "9900200000",
        LetterId = "ทส 9901.3/1187",
        CorrespondenceDate = "2024-06-11",
        Subject = "เรื่องทดสอบ",
        MainLetter = new FileDraft("cover.pdf", "application/pdf", Convert.ToBase64String("%PDF-1.7 x"u8.ToArray())),
    };

    private static IEnumerable<TestCaseData> BadDrafts() =>
    [
        Case("NoReceiver", Valid with { ReceiverOrganizationId = null }, "receiver"),
        Case("ReceiverIsSelf", Valid with { ReceiverOrganizationId = "9900100000" }, "itself"),
        Case("NoLetterNumber", Valid with { LetterId = " " }, "number"),
        Case("DateNotIso", Valid with { CorrespondenceDate = "11/06/2024" }, "yyyy-MM-dd"),
        Case("BuddhistEraDate", Valid with { CorrespondenceDate = "2567-06-11" }, "2024-06-11"),
        Case("NoSubject", Valid with { Subject = "" }, "subject"),
        Case("SecretCodeTwoDigits", Valid with { SecretCode = "01" }, "Secret code"),
        Case("SpeedCodeUnknown", Valid with { SpeedCode = "009" }, "Speed code"),
        Case("NoCoverLetter", Valid with { MainLetter = null }, "cover letter"),
        Case("CoverNotPdf", Valid with { MainLetter = new FileDraft("cover.pdf", "application/pdf", Convert.ToBase64String("hello"u8.ToArray())) }, "%PDF-"),
        Case("CoverEmpty", Valid with { MainLetter = new FileDraft("cover.pdf", "application/pdf", "") }, "cover letter"),
        Case("CoverBadBase64", Valid with { MainLetter = new FileDraft("cover.pdf", "application/pdf", "@@@") }, "base64"),
        Case("EnclosureGif", Valid with { Attachments = [new FileDraft("x.exe", "application/x-msdownload", "AAAA")] }, "not in the hub's list"),
        Case("ReferenceWithoutDate", Valid with { References = [new ReferenceDraft("ก 1/1", null, "อ้างถึง")] }, "reference"),
    ];

    [TestCaseSource(nameof(BadDrafts))]
    public void Validate_BadDraft_RefusedWithReason(object draft, string reasonPart)
    {
        var (letter, refusal) = DraftValidation.Validate((LetterDraft)draft, "9900100000", Codes, coverLetterRequired: true);

        letter.ShouldBeNull();
        refusal.ShouldNotBeNull();
        refusal.ShouldContain(reasonPart, Shouldly.Case.Insensitive);
    }

    [Test]
    public void Validate_GoodDraft_DefaultsFilledAndHashed()
    {
        var (letter, refusal) = DraftValidation.Validate(Valid, "9900100000", Codes, coverLetterRequired: true);

        refusal.ShouldBeNull();
        letter!.SecretCode.ShouldBe("001");
        letter.AttachmentText.ShouldBe("-");
        letter.MainLetter!.Sha256.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("%PDF-1.7 x"u8)));
    }

    [Test]
    public void Validate_HubListWithoutGif_GifEnclosureRefused()
    {
        var hubCodes = CodeListView.From(["001"], ["001"], ["application/pdf"]);

        var (_, refusal) = DraftValidation.Validate(Valid with { Attachments = [new FileDraft("a.gif", null, "R0lGODlh")] }, "9900100000", hubCodes, true);

        refusal!.ShouldContain("image/gif");
    }

    private static TestCaseData Case(string name, LetterDraft draft, string reason) =>
        new TestCaseData(draft, reason).SetName($"Validate_{name}_Refused");
}
