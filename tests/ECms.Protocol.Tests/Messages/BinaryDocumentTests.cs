using System.Security.Cryptography;
using ECms.Protocol.Messages;
using Shouldly;

namespace ECms.Protocol.Tests.Messages;

public class BinaryDocumentTests
{
    private static IEnumerable<TestCaseData> InvalidBase64()
    {
        yield return new TestCaseData("QUJD=").SetName("Inspect_LengthNotMultipleOfFour_IsInvalid");
        yield return new TestCaseData("QU=DQUJD").SetName("Inspect_PaddingInTheMiddle_IsInvalid");
        yield return new TestCaseData("QUJ*").SetName("Inspect_CharacterOutsideTheAlphabet_IsInvalid");
        yield return new TestCaseData("QUJDRA=A").SetName("Inspect_CharacterAfterPadding_IsInvalid");
        yield return new TestCaseData("ทดสอบทด").SetName("Inspect_ThaiText_IsInvalid");
        yield return new TestCaseData(new string('A', 64 * 1024) + "QU=D" + "QUJD").SetName("Inspect_PaddingInASecondChunk_IsInvalid");
    }

    [TestCaseSource(nameof(InvalidBase64))]
    public void Inspect_InvalidBase64_IsReportedInvalid(string base64)
    {
        var inspection = new BinaryDocument("application/pdf", base64).Inspect();

        inspection.IsValid.ShouldBeFalse();
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(48 * 1024)]
    [TestCase(200_000)]
    public void Inspect_ValidContentOfAnySize_GivesLengthAndSha256OfTheDecodedBytes(int size)
    {
        var content = new byte[size];
        new Random(size).NextBytes(content);

        var inspection = BinaryDocument.FromBytes("application/pdf", content).Inspect();

        inspection.IsValid.ShouldBeTrue();
        inspection.DecodedLength.ShouldBe(size);
        inspection.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(content)));
        inspection.HasWhitespace.ShouldBeFalse();
    }

    [Test]
    public void Inspect_LineWrappedBase64_IsValidButReportsWhitespace()
    {
        var wrapped = "JVBERi0x\r\nLjcK\n";

        var inspection = new BinaryDocument("application/pdf", wrapped).Inspect();

        inspection.IsValid.ShouldBeTrue();
        inspection.HasWhitespace.ShouldBeTrue();
        inspection.LooksLikePdf.ShouldBeTrue();
    }

    [TestCase("UklGRiQAAABXRUJQVlA4IA==", true)]   // RIFF....WEBPVP8
    [TestCase("UklGRiQAAABXQVZFZm10IA==", false)]  // RIFF....WAVEfmt: a RIFF file, not a WebP
    [TestCase("UklGRiQAAAA=", false)]              // RIFF cut short before the type
    [TestCase("JVBERi0xLjcK", false)]
    public void Inspect_WebPSignature_RecognisedByContentOnly(string base64, bool webP)
    {
        new BinaryDocument("image/jpeg", base64).Inspect().LooksLikeWebP.ShouldBe(webP);
    }
}
