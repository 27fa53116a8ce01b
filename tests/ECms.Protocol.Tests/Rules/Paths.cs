namespace ECms.Protocol.Tests.Rules;

/// <summary>Element paths as <c>XmlPaths.Of</c> writes them, for the evidence column of the tables.</summary>
internal static class Paths
{
    public const string Header = "/Envelope/Header";
    public const string MessageId = Header + "/MessageID";
    public const string To = Header + "/To";
    public const string Body = "/Envelope/Body";
    public const string Outbound = Body + "/CorrespondenceLetterOutboundRequest";
    public const string Document = Outbound + "/GovernmentDocument";
    public const string Letter = Document + "/CorrespondenceLetter";
    public const string Sender = Letter + "/SenderParty";
    public const string Receiver = Letter + "/ReceiverParty";
    public const string MainLetter = Letter + "/MainLetterBinaryObject";
    public const string Attachment = Letter + "/AttachmentBinaryObject";
    public const string Reference = Letter + "/ReferenceCorrespondence";
    public const string Signature = Document + "/GovernmentSignature";
    public const string Pull = Body + "/CorrespondenceLetterInboundRequest";
    public const string Delete = Body + "/CorrespondenceLetterDeleteRequest";
    public const string Withdraw = Body + "/CorrespondenceDeleteGovernmentDocumentRequest";

    public static string Notifier(string element) => $"{Outbound}/{element}";
}
