namespace ECms.Protocol;

/// <summary>Element names of the operations and notifiers, and the mapping between them and the enums.</summary>
public static class OperationNames
{
    public const string OutboundRequest = "CorrespondenceLetterOutboundRequest";
    public const string OutboundResponse = "CorrespondenceLetterOutboundResponse";
    public const string InboundRequest = "CorrespondenceLetterInboundRequest";
    public const string InboundResponse = "CorrespondenceLetterInboundResponse";
    public const string DeleteRequest = "CorrespondenceLetterDeleteRequest";
    public const string DeleteResponse = "CorrespondenceLetterDeleteResponse";
    public const string WithdrawRequest = "CorrespondenceDeleteGovernmentDocumentRequest";
    public const string WithdrawResponse = "CorrespondenceDeleteGovernmentDocumentResponse";
    public const string SpecialRequest = "CorrespondenceLetterInboundSpecialRequest";
    public const string GetMinistryOrganizationList = "GetMinistryOrganizationList";
    public const string GetOrganizationList = "GetOrganizationList";
    public const string GetSecretCodes = "GetSecretCodes";
    public const string GetSpeedCodes = "GetSpeedCodes";
    public const string GetMimeCodes = "GetMimeCodes";
    public const string OutboundStatusRequest = "OutboundStatusRequest";
    public const string OutboundStatusResponse = "OutboundStatusResponse";
    public const string TimeCheckRequest = "TimeCheckRequest";
    public const string TimeCheckResponse = "TimeCheckResponse";
    public const string GovernmentDocument = "GovernmentDocument";

    private static readonly Dictionary<NotifierKind, string> NotifierElements = new()
    {
        [NotifierKind.ReceiveLetter] = "ReceiveLetterNotifier",
        [NotifierKind.AcceptLetter] = "AcceptLetterNotifier",
        [NotifierKind.RejectLetter] = "RejectLetterNotifier",
        [NotifierKind.InvalidLetter] = "InvalidLetterNotifier",
        [NotifierKind.InvalidAcceptId] = "InvalidAcceptIDNotifier",
    };

    public static IEnumerable<NotifierKind> AllNotifierKinds => NotifierElements.Keys;

    public static string ElementName(this NotifierKind kind) => NotifierElements[kind];

    public static bool TryParseNotifier(string elementName, out NotifierKind kind)
    {
        foreach (var (k, name) in NotifierElements)
        {
            if (name == elementName)
            {
                kind = k;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>AcceptLetter and InvalidAcceptID carry an AcceptID; the others must not (R-HUB-7).</summary>
    public static bool CarriesAcceptId(this NotifierKind kind) =>
        kind is NotifierKind.AcceptLetter or NotifierKind.InvalidAcceptId;

    /// <summary>InvalidAcceptID is the only notifier the letter's sender sends (R-NTF-ROLE).</summary>
    public static bool IsSentByLetterSender(this NotifierKind kind) => kind == NotifierKind.InvalidAcceptId;

    public static Operation ToOperation(this NotifierKind kind) => kind switch
    {
        NotifierKind.ReceiveLetter => Operation.SendReceiveLetterNotifier,
        NotifierKind.AcceptLetter => Operation.SendAcceptLetterNotifier,
        NotifierKind.RejectLetter => Operation.SendRejectLetterNotifier,
        NotifierKind.InvalidLetter => Operation.SendInvalidLetterNotifier,
        NotifierKind.InvalidAcceptId => Operation.SendInvalidAcceptIdNotifier,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static bool IsNotifier(this Operation operation) =>
        operation is >= Operation.SendReceiveLetterNotifier and <= Operation.SendInvalidAcceptIdNotifier;

    /// <summary>Whether wsa:To names the counterpart (op 1–6) rather than the caller's own endpoint (spec §2.2).</summary>
    public static bool IsAddressedToCounterpart(this Operation operation) =>
        operation == Operation.SendLetter || operation.IsNotifier();

    /// <summary>The element name of the response wrapper for an operation (used for ErrorDetail responses too).</summary>
    public static string ResponseElement(this Operation operation) => operation switch
    {
        Operation.SendLetter or Operation.SendReceiveLetterNotifier or Operation.SendAcceptLetterNotifier
            or Operation.SendRejectLetterNotifier or Operation.SendInvalidLetterNotifier
            or Operation.SendInvalidAcceptIdNotifier or Operation.Unknown => OutboundResponse,
        Operation.Pull or Operation.SpecialRequest => InboundResponse,
        Operation.DeleteFromQueue => DeleteResponse,
        Operation.WithdrawLetter => WithdrawResponse,
        Operation.GetMinistryOrganizationList => "MinistryOrganizationList",
        Operation.GetOrganizationList => "OrganizationList",
        Operation.GetSecretCodes => "SecretCodes",
        Operation.GetSpeedCodes => "SpeedCodes",
        Operation.GetMimeCodes => "MimeCodes",
        Operation.OutboundStatus => OutboundStatusResponse,
        Operation.TimeCheck => TimeCheckResponse,
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };
}
