using ECms.Protocol.Messages;
using ECms.Protocol.Rules;
using ECms.Protocol.Wire;
using Shouldly;

namespace ECms.Protocol.Tests;

public class SmokeTests
{
    [Test]
    public void ReadRequest_SpecExample10_1_ReadsTheLetter()
    {
        var bytes = File.ReadAllBytes(Path.Combine(TestContext.CurrentContext.TestDirectory, "Documents/spec/10.1-send-letter.xml"));

        var loaded = SafeXmlLoader.Load(bytes);
        var request = EcmsReader.ReadRequest(SoapEnvelope.From(loaded.Document!));

        var send = request.ShouldBeOfType<SendLetterRequest>();
        send.Letter.LetterId.ShouldBe("ทส 9901.3/1187");
        send.Letter.Subject.ShouldBe("ขอความอนุเคราะห์ข้อมูลสถิติการใช้บริการ ปี 2566 & 2567");
        send.Letter.Receiver.OrganizationId.ShouldBe("9900200000");
        send.Letter.MainLetter!.Inspect().LooksLikePdf.ShouldBeTrue();
        send.Header.To.ShouldBe("http://agency-b.ecms.test/ecms-ws01/service2");
    }

    [Test]
    public void Validate_SpecExample10_1_HasNoMustFinding()
    {
        var bytes = File.ReadAllBytes(Path.Combine(TestContext.CurrentContext.TestDirectory, "Documents/spec/10.1-send-letter.xml"));

        var report = RuleEngine.Standard.Validate(bytes, new RuleContext { Profile = ValidationProfile.Strict });

        report.Operation.ShouldBe(Operation.SendLetter);
        report.IsValid.ShouldBeTrue(string.Join("\n", report.Findings));
    }

    [Test]
    public void WriteThenRead_SendLetter_RoundTrips()
    {
        var bytes = File.ReadAllBytes(Path.Combine(TestContext.CurrentContext.TestDirectory, "Documents/spec/10.1-send-letter.xml"));
        var original = (SendLetterRequest)EcmsReader.ReadRequest(SoapEnvelope.From(SafeXmlLoader.Load(bytes).Document!))!;

        var written = EcmsWriter.WriteRequest(original);
        var reread = (SendLetterRequest)EcmsReader.ReadRequest(SoapEnvelope.From(SafeXmlLoader.Load(written).Document!))!;

        reread.Letter.LetterId.ShouldBe(original.Letter.LetterId);
        reread.Letter.References.ShouldBe(original.Letter.References);
        reread.Letter.MainLetter.ShouldBe(original.Letter.MainLetter);
        EcmsWriter.ToText(written).ShouldContain("<rsm:GovernmentDocument xmlns:rsm=");
    }
}
