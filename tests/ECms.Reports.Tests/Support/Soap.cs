using System.Security;
using System.Text;

namespace ECms.Reports.Tests.Support;

/// <summary>SOAP bodies in the wire form of spec §10, with real base64 payloads so elision has something to do.</summary>
internal static class Soap
{
    public const string SutOrg = "9900100000";
    public const string PeerOrg = "9900200000";
    public const string SutEndpoint = "http://127.0.0.1:5000/9900100000/ecms-ws01/service2";
    public const string PeerEndpoint = "http://127.0.0.1:5000/9900200000/ecms-ws01/service2";
    public const string Subject = "ขอความอนุเคราะห์ข้อมูลสถิติการใช้บริการ ปี ๒๕๖๖ & 2567";
    public const string GivenName = "วรรณา";
    public const string FamilyName = "ทดลองดี";
    public const string JobTitle = "ผู้อำนวยการกองทดสอบระบบ หน่วยงานเอ";

    /// <summary>A stand-in cover letter: PDF magic and 3,000 deterministic bytes.</summary>
    public static byte[] CoverLetter { get; } = Encoding.ASCII.GetBytes("%PDF-1.7\n")
        .Concat(Enumerable.Range(0, 3000).Select(i => (byte)(i * 7 % 251))).ToArray();

    public static string Envelope(string to, string messageId, string body) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Header><wsa:MessageID xmlns:wsa="http://www.w3.org/2005/08/addressing">{messageId}</wsa:MessageID><wsa:To xmlns:wsa="http://www.w3.org/2005/08/addressing">{to}</wsa:To></SOAP-ENV:Header><SOAP-ENV:Body>{body}</SOAP-ENV:Body></SOAP-ENV:Envelope>
        """;

    public static string Response(string body) =>
        $"""<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Body>{body}</SOAP-ENV:Body></SOAP-ENV:Envelope>""";

    public static string Letter(string subject = Subject, string secretCode = "001", string date = "2024-06-11", string givenName = GivenName) =>
        $"""<rsm:GovernmentDocument xmlns:rsm="urn:th:gov:egif:data:standard:GovernmentDocument:1.0" xmlns:ram="urn:th:gov:egif:data:standard:ReusableAggregateBusinessInformationEntity:1"><ram:CorrespondenceLetter ID="Letter"><ram:ID>ทส 9901.3/1187</ram:ID><ram:CorrespondenceDate>{date}</ram:CorrespondenceDate><ram:Subject>{SecurityElement.Escape(subject)}</ram:Subject><ram:SecretCode>{secretCode}</ram:SecretCode><ram:SpeedCode>003</ram:SpeedCode><ram:SenderParty><ram:GivenName>{SecurityElement.Escape(givenName)}</ram:GivenName><ram:FamilyName>{FamilyName}</ram:FamilyName><ram:JobTitle>{JobTitle}</ram:JobTitle><ram:MinistryOrganization><ram:ID>99</ram:ID></ram:MinistryOrganization><ram:DepartmentOrganization><ram:ID>{SutOrg}</ram:ID></ram:DepartmentOrganization></ram:SenderParty><ram:ReceiverParty><ram:GivenName></ram:GivenName><ram:FamilyName></ram:FamilyName><ram:JobTitle>อธิบดีหน่วยงานบี</ram:JobTitle><ram:MinistryOrganization><ram:ID>99</ram:ID></ram:MinistryOrganization><ram:DepartmentOrganization><ram:ID>{PeerOrg}</ram:ID></ram:DepartmentOrganization></ram:ReceiverParty><ram:Attachment>-</ram:Attachment><ram:SendDate>2024-06-11T09:30:12</ram:SendDate><ram:Description>ขอให้ส่งข้อมูลภายในวันที่ 30 มิถุนายน 2567</ram:Description><ram:MainLetterBinaryObject mimeCode="application/pdf">{Convert.ToBase64String(CoverLetter)}</ram:MainLetterBinaryObject></ram:CorrespondenceLetter></rsm:GovernmentDocument>""";

    public static string SendLetter(string subject = Subject, string secretCode = "001", string date = "2024-06-11", string givenName = GivenName) =>
        Envelope(PeerEndpoint, "mid://20240611.093012457@agency-a",
            $"<CorrespondenceLetterOutboundRequest>{Letter(subject, secretCode, date, givenName)}</CorrespondenceLetterOutboundRequest>");

    public static string Accepted(string processId) =>
        Response($"<CorrespondenceLetterOutboundResponse><ProcessID>{processId}</ProcessID><ProcessTime>2024-06-11T09:30:13.052</ProcessTime></CorrespondenceLetterOutboundResponse>");

    public static string Pull(string endpoint, string messageId) => Envelope(endpoint, messageId, "<CorrespondenceLetterInboundRequest/>");

    public static string PulledLetter(string processId) =>
        Response($"<CorrespondenceLetterInboundResponse><ProcessID>{processId}</ProcessID><ProcessTime>2024-06-11T09:45:00.001</ProcessTime>{Letter()}</CorrespondenceLetterInboundResponse>");

    public static string Delete(string endpoint, string processId) =>
        Envelope(endpoint, "mid://delete-" + processId, $"<CorrespondenceLetterDeleteRequest><ProcessID>{processId}</ProcessID></CorrespondenceLetterDeleteRequest>");

    public static string Deleted(string processId) =>
        Response($"<CorrespondenceLetterDeleteResponse><ProcessID>{processId}</ProcessID><ProcessTime>2024-06-11T09:45:00.870</ProcessTime></CorrespondenceLetterDeleteResponse>");

    public static string ReceiveNotifier(string subject = Subject) =>
        Envelope(SutEndpoint, "mid://20240611.094502114@agency-b",
            $"<CorrespondenceLetterOutboundRequest><ReceiveLetterNotifier><LetterID>ทส 9901.3/1187</LetterID><CorrespondenceDate>2024-06-11</CorrespondenceDate><Subject>{SecurityElement.Escape(subject)}</Subject></ReceiveLetterNotifier></CorrespondenceLetterOutboundRequest>");

    public static string Fault(string code, string description) =>
        Response($"<SOAP-ENV:Fault><faultcode>SOAP-ENV:Client</faultcode><faultstring>{SecurityElement.Escape(description)}</faultstring><detail><ErrorDetail><ErrorCode>{code}</ErrorCode><ErrorDescription>{SecurityElement.Escape(description)}</ErrorDescription></ErrorDetail></detail></SOAP-ENV:Fault>");
}
