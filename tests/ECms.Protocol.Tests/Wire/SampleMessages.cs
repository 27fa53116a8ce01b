using ECms.Protocol.Messages;

namespace ECms.Protocol.Tests.Wire;

/// <summary>One request and one response of every operation, with the spec §10 agencies and Thai text.</summary>
internal static class SampleMessages
{
    public const string AgencyA = "9900100000";
    public const string AgencyB = "9900200000";
    public const string EndpointA = "http://agency-a.ecms.test/ecms-ws01/service2";
    public const string EndpointB = "http://agency-b.ecms.test/ecms-ws01/service2";

    public static readonly byte[] Pdf = "%PDF-1.7\n%ทดสอบ\n%%EOF\n"u8.ToArray();

    public static Letter Letter => new()
    {
        LetterId = "ทส 9901.3/1187",
        CorrespondenceDate = "2024-06-11",
        Subject = "ขอความอนุเคราะห์ข้อมูลสถิติการใช้บริการ ปี 2566 & 2567 <ด่วน>",
        SecretCode = "001",
        SpeedCode = "003",
        Sender = Party.ForOrganization(AgencyA, "ผู้อำนวยการกองทดสอบระบบ หน่วยงานเอ", "วรรณา", "ทดลองดี"),
        Receiver = Party.ForOrganization(AgencyB, "อธิบดีหน่วยงานบี"),
        References = [new LetterReference("ทบ 9902/455", "2024-05-20", "การจัดทำรายงานประจำปี")],
        AttachmentText = "แบบสำรวจข้อมูล จำนวน 1 ชุด",
        SendDate = "2024-06-11T09:30:12",
        Description = "ขอให้ส่งข้อมูลภายในวันที่ 30 มิถุนายน 2567",
        MainLetter = BinaryDocument.FromBytes("application/pdf", Pdf),
        Attachments = [BinaryDocument.FromBytes("image/png", [0x89, 0x50, 0x4E, 0x47])],
    };

    public static Notifier Notifier(NotifierKind kind) => new(
        kind, "ทส 9901.3/1187", "2024-06-11", "ขอความอนุเคราะห์ข้อมูลสถิติการใช้บริการ ปี 2566 & 2567 <ด่วน>",
        kind.CarriesAcceptId() ? "รับ 2567/04512" : null);

    private static AddressingHeader Header(string to) => new("mid://20240611.093012457@agency-a", to);

    public static IEnumerable<(string Name, EcmsRequest Request)> Requests()
    {
        yield return ("SendLetter", new SendLetterRequest(Letter) { Header = Header(EndpointB) });
        foreach (var kind in OperationNames.AllNotifierKinds)
        {
            yield return ($"Send{kind}Notifier", new SendNotifierRequest(Notifier(kind)) { Header = Header(EndpointB) });
        }

        yield return ("Pull", new PullRequest { Header = Header(EndpointA) });
        yield return ("DeleteFromQueue", new DeleteFromQueueRequest("B1X0000000041") { Header = Header(EndpointA) });
        yield return ("WithdrawLetter", new WithdrawLetterRequest("ทส 9901.3/1187", "2024-06-11", AgencyA, AgencyB) { Header = Header(EndpointA) });
        yield return ("SpecialRequest", new SpecialRequest("AcceptLetterNotifier", "ทส 9901.3/1187", "2024-06-11", AgencyA, AgencyB) { Header = Header(EndpointA) });
        foreach (var operation in DirectoryRequest.Operations)
        {
            yield return (operation.ToString(), new DirectoryRequest(operation) { Header = Header(EndpointA) });
        }
    }

    /// <summary>English names are not on the wire (spec §5.7), so responses carry none and read back equal.</summary>
    public static IEnumerable<(string Name, EcmsResponse Response)> Responses()
    {
        const string time = "2024-06-11T09:30:13.052";
        yield return ("SendLetter", new SendLetterResponse("Q7M2K9D4R1T8", time, Letter));
        yield return ("SendAcceptLetterNotifier", new SendNotifierResponse("R5T0000000102", time,
            Notifier(NotifierKind.AcceptLetter) with { AcceptDate = time, AcceptDepartmentCode = AgencyB }));
        yield return ("SendRejectLetterNotifier", new SendNotifierResponse("R5T0000000103", time,
            Notifier(NotifierKind.RejectLetter) with { AcceptDate = time, AcceptDepartmentCode = AgencyB }));
        yield return ("PullLetter", new PullResponse(QueueItem.ForLetter("B1X0000000041", time, Letter)));
        yield return ("PullNotifier", new PullResponse(QueueItem.ForNotifier("A9P0000000077", time,
            Notifier(NotifierKind.AcceptLetter) with { AcceptDate = time, AcceptDepartmentCode = AgencyB })));
        yield return ("PullEmpty", new PullResponse(null));
        yield return ("SpecialRequest", new PullResponse(QueueItem.ForNotifier("S1P0000000001", time,
            Notifier(NotifierKind.ReceiveLetter) with { AcceptDate = time, AcceptDepartmentCode = AgencyB }), Operation.SpecialRequest));
        yield return ("DeleteFromQueue", new DeleteFromQueueResponse("B1X0000000041", time));
        yield return ("WithdrawLetter", new WithdrawLetterResponse("D3W0000000009", "ทส 9901.3/1187", time));
        yield return ("Error", new ErrorResponse(Operation.SendLetter,
            [new ErrorDetail("E300", "an active letter with this number and date already exists for this receiver"), new ErrorDetail("E130", "หนังสือนำว่าง")]));
        yield return ("MinistryList", new MinistryListResponse([new Ministry("99", "อื่น ๆ", ""), new Ministry("21", "กระทรวงสาธารณสุข", "")]));
        yield return ("OrganizationList", new OrganizationListResponse([new OrganizationInfo(AgencyA, "หน่วยงานเอ", "Agency A", EndpointA)]));
        yield return ("SecretCodes", new CodeListResponse(Operation.GetSecretCodes, [new CodeValue("001", "ปกติ", ""), new CodeValue("002", "ลับ", "")]));
        yield return ("SpeedCodes", new CodeListResponse(Operation.GetSpeedCodes, [new CodeValue("004", "ด่วนที่สุด", "")]));
        yield return ("MimeCodes", new MimeCodesResponse([new MimeType("pdf", "application/pdf")]));
        yield return ("OutboundStatus", new OutboundStatusResponse([new OutboundStatus("Q7M2K9D4R1T8", "ทส 9901.3/1187", "DELIVERED")]));
        yield return ("OutboundStatusEmpty", new OutboundStatusResponse([]));
        yield return ("TimeCheck", new TimeCheckResponse(time));
    }
}
