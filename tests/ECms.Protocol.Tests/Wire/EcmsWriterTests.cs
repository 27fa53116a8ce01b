using ECms.Protocol.Messages;
using ECms.Protocol.Wire;
using Shouldly;

namespace ECms.Protocol.Tests.Wire;

/// <summary>Pins the exact wire form of every operation (spec §2.4) and checks it reads back to the same model.</summary>
public class EcmsWriterTests
{
    private static IEnumerable<TestCaseData> Requests() =>
        SampleMessages.Requests().Select(r => new TestCaseData(r.Name, r.Request).SetName($"WriteRequest_{r.Name}_MatchesApproved"));

    private static IEnumerable<TestCaseData> Responses() =>
        SampleMessages.Responses().Select(r => new TestCaseData(r.Name, r.Response).SetName($"WriteResponse_{r.Name}_MatchesApproved"));

    private static IEnumerable<TestCaseData> RequestRoundTrips() =>
        SampleMessages.Requests().Select(r => new TestCaseData(r.Request).SetName($"ReadRequest_{r.Name}_RoundTrips"));

    private static IEnumerable<TestCaseData> ResponseRoundTrips() =>
        SampleMessages.Responses().Select(r => new TestCaseData(r.Response).SetName($"ReadResponse_{r.Name}_RoundTrips"));

    [TestCaseSource(nameof(Requests))]
    public void WriteRequest_EveryOperation_MatchesApproved(string name, EcmsRequest request)
    {
        var text = EcmsWriter.ToText(EcmsWriter.WriteRequest(request));

        text.ShouldMatchApproved(c => c.WithDiscriminator($"request-{name}").SubFolder("Approved").WithFileExtension("xml").NoDiff());
    }

    [TestCaseSource(nameof(Responses))]
    public void WriteResponse_EveryOperation_MatchesApproved(string name, EcmsResponse response)
    {
        var text = EcmsWriter.ToText(EcmsWriter.WriteResponse(response));

        text.ShouldMatchApproved(c => c.WithDiscriminator($"response-{name}").SubFolder("Approved").WithFileExtension("xml").NoDiff());
    }

    [TestCaseSource(nameof(RequestRoundTrips))]
    public void ReadRequest_WrittenRequest_GivesTheSameModel(EcmsRequest request)
    {
        var envelope = SoapEnvelope.From(SafeXmlLoader.Load(EcmsWriter.WriteRequest(request)).Document!);

        var read = EcmsReader.ReadRequest(envelope);

        read.ShouldNotBeNull();
        read.Operation.ShouldBe(request.Operation);
        Comparable(read).ShouldBe(Comparable(request));
    }

    [TestCaseSource(nameof(ResponseRoundTrips))]
    public void ReadResponse_WrittenResponse_GivesTheSameModel(EcmsResponse response)
    {
        var envelope = SoapEnvelope.From(SafeXmlLoader.Load(EcmsWriter.WriteResponse(response)).Document!);

        var read = EcmsReader.ReadResponse(envelope);

        read.ShouldNotBeNull();
        if (response is PullResponse pull)
        {
            // A special request is answered like a pull (spec §5.6); the wire cannot tell them apart.
            Comparable(((PullResponse)read).Item).ShouldBe(Comparable(pull.Item));
            return;
        }

        read.Operation.ShouldBe(response.Operation);
        Comparable(read).ShouldBe(Comparable(response));
    }

    [Test]
    public void WriteResponse_Letter_UsesLiteralPrefixesAndNoDefaultNamespace()
    {
        var text = EcmsWriter.ToText(EcmsWriter.WriteResponse(new PullResponse(QueueItem.ForLetter("P1", "2024-06-11T09:30:13.052", SampleMessages.Letter))));

        text.ShouldContain("<rsm:GovernmentDocument xmlns:rsm=\"urn:th:gov:egif:data:standard:GovernmentDocument:1.0\" xmlns:ram=\"urn:th:gov:egif:data:standard:ReusableAggregateBusinessInformationEntity:1\">");
        text.ShouldNotContain("xmlns=\"");
        text.ShouldNotContain("\n");
        text.ShouldContain("<ram:MainLetterBinaryObject mimeCode=\"application/pdf\">");
        text.ShouldContain("<ProcessID>P1</ProcessID><ProcessTime>");
    }

    [Test]
    public void WriteResponse_ReceiveLetterNotifier_HasNoAcceptIdElement()
    {
        var notifier = SampleMessages.Notifier(NotifierKind.ReceiveLetter) with { AcceptId = "ignored", AcceptDate = "t", AcceptDepartmentCode = "9900200000" };

        var text = EcmsWriter.ToText(EcmsWriter.WriteResponse(new PullResponse(QueueItem.ForNotifier("P1", "t", notifier))));

        text.ShouldNotContain("AcceptID");
    }

    [Test]
    public void WriteResponse_EnvAlias_DeclaresTheSoapNamespaceTwice()
    {
        var text = EcmsWriter.ToText(EcmsWriter.WriteResponse(new PullResponse(null), new EcmsWriterOptions { DeclareEnvAlias = true }));

        text.ShouldBe("""<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:env="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Body><CorrespondenceLetterInboundResponse /></SOAP-ENV:Body></SOAP-ENV:Envelope>""");
    }

    [Test]
    public void WriteResponse_MinistryListV1Style_RepeatsTheListElement()
    {
        var response = new MinistryListResponse([new Ministry("99", "อื่น ๆ", "Other"), new Ministry("21", "สธ", "MOPH")]);

        var text = EcmsWriter.ToText(EcmsWriter.WriteResponse(response, new EcmsWriterOptions { MinistryListV1Style = true }));
        var read = (MinistryListResponse)EcmsReader.ReadResponse(SoapEnvelope.From(SafeXmlLoader.Load(EcmsWriter.WriteResponse(response, new EcmsWriterOptions { MinistryListV1Style = true })).Document!))!;

        text.ShouldContain("<SOAP-ENV:Body><MinistryOrganizationList><MinistryID>99</MinistryID><Th-Name>อื่น ๆ</Th-Name></MinistryOrganizationList><MinistryOrganizationList>");
        read.Ministries.Select(m => m.MinistryId).ShouldBe(["99", "21"]);
    }

    // Found by the hub's mutation fuzzer: free text quoting a stranger's bytes made the writer throw while answering.
    [Test]
    public void WriteFault_TextXmlCannotCarry_IsShownAsCodePoints()
    {
        var bytes = EcmsWriter.WriteFault("Client", "bad \u0011 and \uDFFF", [new ErrorDetail("E100", "cut \uD83D here \uFFFE")]);

        var text = EcmsWriter.ToText(bytes);
        SafeXmlLoader.Load(bytes).Succeeded.ShouldBeTrue();
        text.ShouldContain("<faultstring>bad U+0011 and U+DFFF</faultstring>");
        text.ShouldContain("<ErrorDescription>cut U+D83D here U+FFFE</ErrorDescription>");
    }

    [Test]
    public void WriteResponse_ErrorDescriptionWithSurrogatePair_KeepsIt()
    {
        var text = EcmsWriter.ToText(EcmsWriter.WriteResponse(new ErrorResponse(Operation.Pull, [new ErrorDetail("E400", "ส่ง 😀 มา")])));

        text.ShouldContain("<ErrorDescription>ส่ง 😀 มา</ErrorDescription>");
    }

    [Test]
    public void WriteFault_WithErrorDetail_IsASoap11Fault()
    {
        var text = EcmsWriter.ToText(EcmsWriter.WriteFault("Client", "not SOAP", [new ErrorDetail("E100", "bad")]));

        text.ShouldBe("""<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Body><SOAP-ENV:Fault><faultcode>SOAP-ENV:Client</faultcode><faultstring>not SOAP</faultstring><detail><ErrorDetail><ErrorCode>E100</ErrorCode><ErrorDescription>bad</ErrorDescription></ErrorDetail></detail></SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>""");
    }

    /// <summary>Records compare lists by reference; their printed form compares by content.</summary>
    private static string Comparable(object? message) =>
        message is null ? "null" : System.Text.Json.JsonSerializer.Serialize(message, message.GetType());
}
