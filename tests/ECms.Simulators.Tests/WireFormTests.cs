using System.Text.RegularExpressions;
using ECms.Protocol;
using ECms.Protocol.Messages;
using ECms.Protocol.Wire;
using ECms.Simulators.Hub;
using ECms.Simulators.Tests.Support;

namespace ECms.Simulators.Tests;

/// <summary>
/// The exact bytes of hub responses (spec §2.4): a client that matches literal prefixed names must read them.
/// ProcessIDs, times and the port are scrubbed; everything else is pinned character for character.
/// </summary>
public partial class WireFormTests
{
    private const string Open = "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\"><SOAP-ENV:Body>";
    private const string Close = "</SOAP-ENV:Body></SOAP-ENV:Envelope>";

    private const string Document =
        "<rsm:GovernmentDocument xmlns:rsm=\"urn:th:gov:egif:data:standard:GovernmentDocument:1.0\" " +
        "xmlns:ram=\"urn:th:gov:egif:data:standard:ReusableAggregateBusinessInformationEntity:1\">" +
        "<ram:CorrespondenceLetter ID=\"Letter\"><ram:ID>ทส 9901.3/1187</ram:ID><ram:CorrespondenceDate>2024-06-11</ram:CorrespondenceDate>" +
        "<ram:Subject>ขอความอนุเคราะห์ข้อมูล &amp; สถิติ</ram:Subject><ram:SecretCode>001</ram:SecretCode><ram:SpeedCode>003</ram:SpeedCode>" +
        "<ram:SenderParty><ram:GivenName>วรรณา</ram:GivenName><ram:FamilyName>ทดลองดี</ram:FamilyName><ram:JobTitle>ผู้อำนวยการกองทดสอบระบบ</ram:JobTitle>" +
        "<ram:MinistryOrganization><ram:ID>99</ram:ID></ram:MinistryOrganization><ram:DepartmentOrganization><ram:ID>9900100000</ram:ID></ram:DepartmentOrganization></ram:SenderParty>" +
        "<ram:ReceiverParty><ram:GivenName></ram:GivenName><ram:FamilyName></ram:FamilyName><ram:JobTitle></ram:JobTitle>" +
        "<ram:MinistryOrganization><ram:ID>99</ram:ID></ram:MinistryOrganization><ram:DepartmentOrganization><ram:ID>9900200000</ram:ID></ram:DepartmentOrganization></ram:ReceiverParty>" +
        "<ram:Attachment>-</ram:Attachment><ram:SendDate>2024-06-11T09:30:12</ram:SendDate><ram:Description></ram:Description>" +
        "<ram:MainLetterBinaryObject mimeCode=\"application/pdf\">JVBERi0xLjcKJSVFT0YK</ram:MainLetterBinaryObject></ram:CorrespondenceLetter></rsm:GovernmentDocument>";

    private static readonly Letter Sample = new()
    {
        LetterId = "ทส 9901.3/1187",
        CorrespondenceDate = "2024-06-11",
        Subject = "ขอความอนุเคราะห์ข้อมูล & สถิติ",
        SpeedCode = "003",
        Sender = Party.ForOrganization(HubRig.A, "ผู้อำนวยการกองทดสอบระบบ", "วรรณา", "ทดลองดี"),
        Receiver = Party.ForOrganization(HubRig.B),
        SendDate = "2024-06-11T09:30:12",
        MainLetter = new BinaryDocument("application/pdf", "JVBERi0xLjcKJSVFT0YK"),
    };

    [Test]
    public async Task SendLetter_Accepted_EchoesTheLetterInWireForm()
    {
        await using var rig = HubRig.Create();

        await rig.PeerA.SendLetterAsync(Sample);

        Scrub(rig.Hub.Journal.Last!.ResponseText).ShouldBe(
            $"{Open}<CorrespondenceLetterOutboundResponse><ProcessID>{{pid}}</ProcessID><ProcessTime>{{time}}</ProcessTime>{Document}</CorrespondenceLetterOutboundResponse>{Close}");
    }

    [Test]
    public async Task Pull_Letter_CarriesTheSameDocumentBytes()
    {
        await using var rig = HubRig.Create();
        await rig.PeerA.SendLetterAsync(Sample);

        await rig.ClientB.PullAsync();

        Scrub(rig.Hub.Journal.Last!.ResponseText).ShouldBe(
            $"{Open}<CorrespondenceLetterInboundResponse><ProcessID>{{pid}}</ProcessID><ProcessTime>{{time}}</ProcessTime>{Document}</CorrespondenceLetterInboundResponse>{Close}");
    }

    [Test]
    public async Task Pull_EmptyQueue_ResponseHasNoChildren()
    {
        await using var rig = HubRig.Create();

        await rig.ClientA.PullAsync();

        rig.Hub.Journal.Last!.ResponseText.ShouldBe($"{Open}<CorrespondenceLetterInboundResponse />{Close}");
    }

    [Test]
    public async Task Pull_AcceptLetterNotifier_AsSpecExample10_2e()
    {
        await using var rig = HubRig.Create();
        var letter = await rig.DeliverFromAToBAsync();
        (await rig.PeerB.RegisterAsync(letter, "รับ 2567/04512")).Expect<SendNotifierResponse>();

        await rig.ClientA.PullAsync();

        Scrub(rig.Hub.Journal.Last!.ResponseText).ShouldBe(
            $"{Open}<CorrespondenceLetterInboundResponse><ProcessID>{{pid}}</ProcessID><ProcessTime>{{time}}</ProcessTime>" +
            "<AcceptLetterNotifier><LetterID>ทส 9901.3/1187</LetterID><AcceptID>รับ 2567/04512</AcceptID><CorrespondenceDate>2024-06-11</CorrespondenceDate>" +
            "<Subject>ขอความอนุเคราะห์ข้อมูลสถิติ ปี 2566 &amp; 2567</Subject><AcceptDate>{time}</AcceptDate><AcceptDepartment><Code>9900200000</Code></AcceptDepartment>" +
            $"</AcceptLetterNotifier></CorrespondenceLetterInboundResponse>{Close}");
    }

    [Test]
    public async Task SendNotifier_Receive_ResponseAsSpecSection5_2WithoutAcceptId()
    {
        await using var rig = HubRig.Create();
        var letter = await rig.DeliverFromAToBAsync();

        await rig.PeerB.AcknowledgeAsync(letter);

        Scrub(rig.Hub.Journal.Last!.ResponseText).ShouldBe(
            $"{Open}<CorrespondenceLetterOutboundResponse><ProcessID>{{pid}}</ProcessID><ProcessTime>{{time}}</ProcessTime>" +
            "<ReceiveLetterNotifier><LetterID>ทส 9901.3/1187</LetterID><CorrespondenceDate>2024-06-11</CorrespondenceDate>" +
            "<Subject>ขอความอนุเคราะห์ข้อมูลสถิติ ปี 2566 &amp; 2567</Subject><AcceptDate>{time}</AcceptDate><AcceptDepartment><Code>9900200000</Code></AcceptDepartment>" +
            $"</ReceiveLetterNotifier></CorrespondenceLetterOutboundResponse>{Close}");
    }

    [Test]
    public async Task Delete_Accepted_EchoesProcessIdAndTime()
    {
        await using var rig = HubRig.Create();

        await rig.DeliverFromAToBAsync();

        Scrub(rig.Hub.Journal.Last!.ResponseText).ShouldBe(
            $"{Open}<CorrespondenceLetterDeleteResponse><ProcessID>{{pid}}</ProcessID><ProcessTime>{{time}}</ProcessTime></CorrespondenceLetterDeleteResponse>{Close}");
    }

    [Test]
    public async Task Withdraw_Accepted_ProcessIdLetterIdProcessTime()
    {
        await using var rig = HubRig.Create();
        var letter = await rig.DeliverFromAToBAsync();
        (await rig.PeerB.RejectAsync(letter)).Expect<SendNotifierResponse>();

        await rig.PeerA.WithdrawAsync(letter);

        Scrub(rig.Hub.Journal.Last!.ResponseText).ShouldBe(
            $"{Open}<CorrespondenceDeleteGovernmentDocumentResponse><ProcessID>{{pid}}</ProcessID><LetterID>ทส 9901.3/1187</LetterID>" +
            $"<ProcessTime>{{time}}</ProcessTime></CorrespondenceDeleteGovernmentDocumentResponse>{Close}");
    }

    [Test]
    public async Task Refusal_Duplicate_ErrorDetailAsSpecSection9()
    {
        await using var rig = HubRig.Create(configure: o => o with { DetailedErrorDescriptions = false });
        await rig.PeerA.SendLetterAsync(Sample);

        await rig.PeerA.SendLetterAsync(Sample);

        rig.Hub.Journal.Last!.ResponseText.ShouldBe(
            $"{Open}<CorrespondenceLetterOutboundResponse><ErrorDetail><ErrorCode>E300</ErrorCode>" +
            $"<ErrorDescription>มีหนังสือฉบับนี้อยู่ในระบบแล้ว / duplicate active letter</ErrorDescription></ErrorDetail></CorrespondenceLetterOutboundResponse>{Close}");
    }

    [Test]
    public async Task TimeCheck_HubClockSevenMinutesAhead_ReportsShiftedThaiTime()
    {
        await using var rig = HubRig.Create();
        rig.Hub.Clock.Shift(TimeSpan.FromMinutes(7));

        await rig.ClientA.DirectoryAsync(Operation.TimeCheck);

        rig.Hub.Journal.Last!.ResponseText.ShouldBe($"{Open}<TimeCheckResponse><ECMSTime>2024-06-11T09:37:00.000</ECMSTime></TimeCheckResponse>{Close}");
    }

    [Test]
    public async Task OrganizationList_EachAgency_WithItsRealEndpoint()
    {
        await using var rig = HubRig.Create();

        await rig.ClientA.DirectoryAsync(Operation.GetOrganizationList);

        Scrub(rig.Hub.Journal.Last!.ResponseText).ShouldBe(
            $"{Open}<OrganizationList>" +
            "<OrganizationInfo><En-Name>Agency A</En-Name><Th-Name>หน่วยงานเอ</Th-Name><ECMS-URL>http://{hub}/9900100000/ecms-ws01/service2</ECMS-URL><OrganizationID>9900100000</OrganizationID></OrganizationInfo>" +
            "<OrganizationInfo><En-Name>Agency B</En-Name><Th-Name>หน่วยงานบี</Th-Name><ECMS-URL>http://{hub}/9900200000/ecms-ws01/service2</ECMS-URL><OrganizationID>9900200000</OrganizationID></OrganizationInfo>" +
            "<OrganizationInfo><En-Name>Agency C</En-Name><Th-Name>หน่วยงานซี</Th-Name><ECMS-URL>http://{hub}/9900300000/ecms-ws01/service2</ECMS-URL><OrganizationID>9900300000</OrganizationID></OrganizationInfo>" +
            $"</OrganizationList>{Close}");
    }

    [Test]
    public async Task ResponseStyle_EnvAliasAndV1MinistryList_AsChecklistA5()
    {
        await using var rig = HubRig.Create(configure: o => o with { WriterOptions = new EcmsWriterOptions { DeclareEnvAlias = true, MinistryListV1Style = true } });

        await rig.ClientA.DirectoryAsync(Operation.GetMinistryOrganizationList);

        rig.Hub.Journal.Last!.ResponseText.ShouldStartWith(
            "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:env=\"http://schemas.xmlsoap.org/soap/envelope/\"><SOAP-ENV:Body>" +
            "<MinistryOrganizationList><MinistryID>00</MinistryID><Th-Name>ไม่ระบุ</Th-Name></MinistryOrganizationList>" +
            "<MinistryOrganizationList><MinistryID>01</MinistryID><Th-Name>สำนักนายกรัฐมนตรี</Th-Name></MinistryOrganizationList>");
    }

    [Test]
    public async Task AnyResponse_ContentTypeIsTextXmlUtf8()
    {
        await using var rig = HubRig.Create();

        await rig.ClientA.PullAsync();

        rig.Hub.Journal.Last!.ResponseContentType.ShouldBe("text/xml; charset=utf-8");
        rig.Hub.Journal.Last!.StatusCode.ShouldBe(200);
    }

    [Test]
    public async Task ResponseContentType_BareTextXmlAsChecklistA5_OnTheWireAndInTheJournal()
    {
        await using var rig = HubRig.Create(configure: o => o with { ResponseContentType = "text/xml" });
        using var http = new HttpClient();

        using var answer = await http.PostAsync(rig.EndpointA, new ByteArrayContent(EcmsWriter.WriteRequest(new PullRequest()))
        {
            Headers = { ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/xml") },
        });
        var refused = await rig.ClientA.PostRawAsync("<not-xml"u8.ToArray());

        answer.Content.Headers.ContentType!.ToString().ShouldBe("text/xml");
        rig.Hub.Journal.Entries.Select(e => e.ResponseContentType).ShouldBe(["text/xml", "text/xml"]);
        refused.HttpStatus.ShouldBe(500);
    }

    [TestCase(false)]
    [TestCase(true)]
    public void LetterWire_Splice_EqualsWhatTheWriterWritesDirectly(bool envAlias)
    {
        var options = new EcmsWriterOptions { DeclareEnvAlias = envAlias };
        var fragment = LetterWire.Canonicalize(Sample, ReadOnlyMemory<byte>.Empty);

        var (http, journal) = LetterWire.Splice(new PullResponse(QueueItem.ForLetter("Q1", "2024-06-11T09:30:00.000", LetterWire.Stub)), fragment, options);
        var direct = EcmsWriter.WriteResponse(new PullResponse(QueueItem.ForLetter("Q1", "2024-06-11T09:30:00.000", Sample)), options);

        http.ShouldBe(direct);
        System.Buffers.BuffersExtensions.ToArray(journal).ShouldBe(direct);
    }

    [Test]
    public void LetterWire_RequestWrittenByEcmsWriter_KeepsASliceOfTheRequestInsteadOfACopy()
    {
        var request = EcmsWriter.WriteRequest(new SendLetterRequest(Sample));

        var fragment = LetterWire.Canonicalize(Sample, request);

        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(fragment, out var segment).ShouldBeTrue();
        segment.Array.ShouldBeSameAs(request);
        EcmsWriter.ToText(fragment.ToArray()).ShouldBe(Document);
    }

    private static string Scrub(string text) =>
        Port().Replace(Time().Replace(ProcessId().Replace(text, "<ProcessID>{pid}</ProcessID>"), "{time}"), "http://{hub}/");

    [GeneratedRegex("<ProcessID>[^<]*</ProcessID>")]
    private static partial Regex ProcessId();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}")]
    private static partial Regex Time();

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/")]
    private static partial Regex Port();
}
