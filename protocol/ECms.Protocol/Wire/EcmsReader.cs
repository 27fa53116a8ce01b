using System.Xml.Linq;
using ECms.Protocol.Messages;

namespace ECms.Protocol.Wire;

/// <summary>
/// Reads requests and responses into the message model. Tolerant by design (spec §2.4): fields are found by
/// local name whatever their prefix or namespace, and missing text reads as empty, so a faulty message still yields
/// a model the rules can report on. Correctness is judged by the rules, not here.
/// </summary>
public static class EcmsReader
{
    /// <summary>The operation of a request, from the body's first child and, for the outbound wrapper, its child.</summary>
    public static Operation DetectOperation(SoapEnvelope envelope) => DetectOperation(envelope.OperationElement);

    public static Operation DetectOperation(XElement? operation)
    {
        if (operation is null)
        {
            return Operation.Unknown;
        }

        return operation.Name.LocalName switch
        {
            OperationNames.OutboundRequest => DetectOutbound(operation),
            OperationNames.InboundRequest => Operation.Pull,
            OperationNames.DeleteRequest => Operation.DeleteFromQueue,
            OperationNames.WithdrawRequest => Operation.WithdrawLetter,
            OperationNames.SpecialRequest => Operation.SpecialRequest,
            OperationNames.GetMinistryOrganizationList => Operation.GetMinistryOrganizationList,
            OperationNames.GetOrganizationList => Operation.GetOrganizationList,
            OperationNames.GetSecretCodes => Operation.GetSecretCodes,
            OperationNames.GetSpeedCodes => Operation.GetSpeedCodes,
            OperationNames.GetMimeCodes => Operation.GetMimeCodes,
            OperationNames.OutboundStatusRequest => Operation.OutboundStatus,
            OperationNames.TimeCheckRequest => Operation.TimeCheck,
            _ => Operation.Unknown,
        };
    }

    /// <summary>The request in the envelope, or null when its operation is unknown.</summary>
    public static EcmsRequest? ReadRequest(SoapEnvelope envelope)
    {
        var element = envelope.OperationElement;
        var operation = DetectOperation(element);
        EcmsRequest? request = operation switch
        {
            Operation.Unknown => null,
            Operation.SendLetter => new SendLetterRequest(ReadLetter(Child(element!, OperationNames.GovernmentDocument)!)),
            Operation.Pull => new PullRequest(),
            Operation.DeleteFromQueue => new DeleteFromQueueRequest(Text(element!, "ProcessID")),
            Operation.WithdrawLetter => new WithdrawLetterRequest(
                Text(element!, "LetterID"), Text(element!, "CorrespondenceDate"),
                Text(Child(element!, "SenderDepartment"), "Code"), Text(Child(element!, "AcceptDepartment"), "Code")),
            Operation.SpecialRequest => ReadSpecialRequest(element!),
            _ when operation.IsNotifier() => new SendNotifierRequest(ReadNotifier(element!.Elements().First())),
            _ => new DirectoryRequest(operation),
        };
        return request is null ? null : request with { Header = envelope.Addressing };
    }

    /// <summary>The hub's answer in the envelope; null for a SOAP fault or an unrecognised body.</summary>
    public static EcmsResponse? ReadResponse(SoapEnvelope envelope)
    {
        var element = envelope.OperationElement;
        if (element is null || element.Name.LocalName == "Fault")
        {
            return null;
        }

        var errors = element.Descendants().Where(e => e.Name.LocalName == "ErrorDetail").Select(ReadError).ToArray();
        var name = element.Name.LocalName;
        if (errors.Length > 0)
        {
            return new ErrorResponse(OperationForResponse(element), errors);
        }

        return name switch
        {
            OperationNames.OutboundResponse => ReadOutboundResponse(element),
            OperationNames.InboundResponse => new PullResponse(ReadQueueItem(element)),
            OperationNames.DeleteResponse => new DeleteFromQueueResponse(Text(element, "ProcessID"), Text(element, "ProcessTime")),
            OperationNames.WithdrawResponse => new WithdrawLetterResponse(
                Child(element, "ProcessID")?.Value, Text(element, "LetterID"), Text(element, "ProcessTime")),
            "MinistryOrganizationList" => new MinistryListResponse(ReadMinistries(envelope)),
            "OrganizationList" => new OrganizationListResponse(element.Elements().Where(e => e.Name.LocalName == "OrganizationInfo")
                .Select(o => new OrganizationInfo(Text(o, "OrganizationID"), Text(o, "Th-Name"), Text(o, "En-Name"), Text(o, "ECMS-URL"))).ToArray()),
            "SecretCodes" => new CodeListResponse(Operation.GetSecretCodes, ReadCodes(element)),
            "SpeedCodes" => new CodeListResponse(Operation.GetSpeedCodes, ReadCodes(element)),
            "MimeCodes" => new MimeCodesResponse(element.Elements().Where(e => e.Name.LocalName == "Code")
                .Select(c => new MimeType(Text(c, "File-Extension"), Text(c, "Content-type"))).ToArray()),
            OperationNames.OutboundStatusResponse => new OutboundStatusResponse(element.Elements().Where(e => e.Name.LocalName == "Outbound")
                .Select(o => new OutboundStatus(Text(o, "ProcessID"), Text(o, "LetterID"), Text(o, "ProcessStatus"))).ToArray()),
            OperationNames.TimeCheckResponse => new TimeCheckResponse(Text(element, "ECMSTime")),
            _ => null,
        };
    }

    /// <summary>Reads rsm:GovernmentDocument (or an unqualified GovernmentDocument) into a <see cref="Letter"/>.</summary>
    public static Letter ReadLetter(XElement? governmentDocument)
    {
        var letter = governmentDocument is null ? null : Child(governmentDocument, "CorrespondenceLetter");
        var signature = governmentDocument is null ? null : Child(governmentDocument, "GovernmentSignature");
        return new Letter
        {
            LetterId = Text(letter, "ID"),
            CorrespondenceDate = Text(letter, "CorrespondenceDate"),
            Subject = Text(letter, "Subject"),
            SecretCode = Text(letter, "SecretCode"),
            SpeedCode = Text(letter, "SpeedCode"),
            Sender = ReadParty(letter is null ? null : Child(letter, "SenderParty")),
            Receiver = ReadParty(letter is null ? null : Child(letter, "ReceiverParty")),
            References = Children(letter, "ReferenceCorrespondence")
                .Select(r => new LetterReference(Text(r, "ID"), Text(r, "CorrespondenceDate"), Text(r, "Subject"))).ToArray(),
            AttachmentText = Text(letter, "Attachment"),
            SendDate = Text(letter, "SendDate"),
            Description = Text(letter, "Description"),
            MainLetter = letter is null ? null : ReadBinary(Child(letter, "MainLetterBinaryObject")),
            Attachments = Children(letter, "AttachmentBinaryObject").Select(a => ReadBinary(a)!).ToArray(),
            ElementId = letter?.Attribute("ID")?.Value,
            GovernmentSignatureXml = signature?.ToString(SaveOptions.DisableFormatting),
        };
    }

    public static Notifier ReadNotifier(XElement notifier)
    {
        if (!OperationNames.TryParseNotifier(notifier.Name.LocalName, out var kind))
        {
            throw new ArgumentException($"<{notifier.Name.LocalName}> is not a notifier element.", nameof(notifier));
        }

        return new Notifier(
            kind,
            Text(notifier, "LetterID"),
            Text(notifier, "CorrespondenceDate"),
            Text(notifier, "Subject"),
            Child(notifier, "AcceptID")?.Value,
            Child(notifier, "AcceptDate")?.Value,
            Child(notifier, "AcceptDepartment") is { } department ? Text(department, "Code") : null);
    }

    /// <summary>The first child element with this local name, in any namespace.</summary>
    public static XElement? Child(XElement? parent, string localName) =>
        parent?.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    private static IEnumerable<XElement> Children(XElement? parent, string localName) =>
        parent?.Elements().Where(e => e.Name.LocalName == localName) ?? [];

    private static string Text(XElement? parent, string localName) => Child(parent, localName)?.Value ?? "";

    private static Operation DetectOutbound(XElement wrapper)
    {
        var child = wrapper.Elements().FirstOrDefault();
        if (child is null)
        {
            return Operation.Unknown;
        }

        if (child.Name.LocalName == OperationNames.GovernmentDocument)
        {
            return Operation.SendLetter;
        }

        return OperationNames.TryParseNotifier(child.Name.LocalName, out var kind) ? kind.ToOperation() : Operation.Unknown;
    }

    private static SpecialRequest ReadSpecialRequest(XElement element)
    {
        var kind = element.Elements().FirstOrDefault();
        return new SpecialRequest(
            kind?.Name.LocalName ?? "",
            Text(kind, "LetterID"),
            Text(kind, "CorrespondenceDate"),
            Text(Child(kind, "SenderDepartment"), "Code"),
            Text(Child(kind, "AcceptDepartment"), "Code"));
    }

    private static Party ReadParty(XElement? party) => new(
        Text(party, "GivenName"),
        Text(party, "FamilyName"),
        Text(party, "JobTitle"),
        Text(Child(party, "MinistryOrganization"), "ID"),
        Text(Child(party, "DepartmentOrganization"), "ID"));

    private static BinaryDocument? ReadBinary(XElement? element) =>
        element is null ? null : new BinaryDocument(element.Attribute("mimeCode")?.Value ?? "", element.Value);

    private static ErrorDetail ReadError(XElement error)
    {
        // Clients read child #0 and #1 positionally (spec §9.1); prefer names, fall back to position.
        var children = error.Elements().ToArray();
        var code = Child(error, "ErrorCode")?.Value ?? (children.Length > 0 ? children[0].Value : "");
        var description = Child(error, "ErrorDescription")?.Value ?? (children.Length > 1 ? children[1].Value : "");
        return new ErrorDetail(code, description);
    }

    private static Operation OperationForResponse(XElement element) => element.Name.LocalName switch
    {
        OperationNames.InboundResponse => Operation.Pull,
        OperationNames.DeleteResponse => Operation.DeleteFromQueue,
        OperationNames.WithdrawResponse => Operation.WithdrawLetter,
        OperationNames.OutboundStatusResponse => Operation.OutboundStatus,
        OperationNames.TimeCheckResponse => Operation.TimeCheck,
        "MinistryOrganizationList" => Operation.GetMinistryOrganizationList,
        "OrganizationList" => Operation.GetOrganizationList,
        "SecretCodes" => Operation.GetSecretCodes,
        "SpeedCodes" => Operation.GetSpeedCodes,
        "MimeCodes" => Operation.GetMimeCodes,
        _ => Operation.SendLetter,
    };

    private static EcmsResponse ReadOutboundResponse(XElement element)
    {
        var processId = Text(element, "ProcessID");
        var processTime = Text(element, "ProcessTime");
        var payload = element.Elements().FirstOrDefault(e => e.Name.LocalName is not ("ProcessID" or "ProcessTime"));
        if (payload is not null && OperationNames.TryParseNotifier(payload.Name.LocalName, out _))
        {
            return new SendNotifierResponse(processId, processTime, ReadNotifier(payload));
        }

        return new SendLetterResponse(processId, processTime,
            payload?.Name.LocalName == OperationNames.GovernmentDocument ? ReadLetter(payload) : null);
    }

    private static QueueItem? ReadQueueItem(XElement element)
    {
        var processId = Child(element, "ProcessID")?.Value;
        if (processId is null)
        {
            return null;
        }

        var processTime = Text(element, "ProcessTime");
        var payload = element.Elements().FirstOrDefault(e => e.Name.LocalName is not ("ProcessID" or "ProcessTime"));
        if (payload is null)
        {
            return new QueueItem(processId, processTime, null, null);
        }

        return OperationNames.TryParseNotifier(payload.Name.LocalName, out _)
            ? QueueItem.ForNotifier(processId, processTime, ReadNotifier(payload))
            : QueueItem.ForLetter(processId, processTime, ReadLetter(payload));
    }

    private static Ministry[] ReadMinistries(SoapEnvelope envelope)
    {
        // Both shapes (spec §5.7): one wrapper with MinistryOrganizationInfo children, or repeated
        // MinistryOrganizationList elements each holding one ministry (v1 compatibility).
        return envelope.BodyChildren
            .SelectMany(list => list.Elements().Any(e => e.Name.LocalName == "MinistryOrganizationInfo")
                ? list.Elements().Where(e => e.Name.LocalName == "MinistryOrganizationInfo")
                : [list])
            .Where(e => Child(e, "MinistryID") is not null)
            .Select(e => new Ministry(Text(e, "MinistryID"), Text(e, "Th-Name"), Text(e, "En-Name")))
            .ToArray();
    }

    private static CodeValue[] ReadCodes(XElement element) =>
        element.Elements().Where(e => e.Name.LocalName == "Code")
            .Select(c => new CodeValue(Text(c, "Value"), Text(c, "Description"), "")).ToArray();
}
