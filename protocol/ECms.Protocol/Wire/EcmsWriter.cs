using System.Text;
using System.Xml;
using ECms.Protocol.Messages;

namespace ECms.Protocol.Wire;

/// <summary>
/// Writes messages in the exact wire form of spec §2.4: literal SOAP-ENV/wsa/rsm/ram prefixes, the element order of
/// §3.1, unqualified operation fields, "ProcessID" casing, mimeCode as the only attribute, compact UTF-8 without BOM
/// or XML declaration. Requests are written as a well-behaved 2.0 agency writes them; responses as the hub does.
/// </summary>
public static class EcmsWriter
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        OmitXmlDeclaration = true,
        Indent = false,
        NewLineHandling = NewLineHandling.None,
        CheckCharacters = true,
    };

    public static byte[] WriteRequest(EcmsRequest request)
    {
        var bodyId = request is SendLetterRequest or SpecialRequest ? "Body" : null;
        return WriteEnvelope(EcmsWriterOptions.Default, request.Header, bodyId, w => WriteRequestBody(w, request));
    }

    public static byte[] WriteResponse(EcmsResponse response, EcmsWriterOptions? options = null)
    {
        options ??= EcmsWriterOptions.Default;
        return WriteEnvelope(options, null, null, w => WriteResponseBody(w, response, options));
    }

    /// <summary>A SOAP 1.1 fault for input that is not a usable e-CMS request (malformed XML, not SOAP 1.1, …).</summary>
    public static byte[] WriteFault(string faultCode, string faultString, IReadOnlyList<ErrorDetail>? details = null) =>
        WriteEnvelope(EcmsWriterOptions.Default, null, null, w =>
        {
            w.WriteStartElement(EcmsNamespaces.SoapPrefix, "Fault", EcmsNamespaces.Soap11);
            Field(w, "faultcode", $"{EcmsNamespaces.SoapPrefix}:{faultCode}");
            // Fault strings and error descriptions may quote what the stranger sent; they must never make the answer fail.
            Field(w, "faultstring", XmlChars.Printable(faultString));
            if (details is { Count: > 0 })
            {
                w.WriteStartElement("detail");
                WriteErrors(w, details);
                w.WriteEndElement();
            }

            w.WriteEndElement();
        });

    public static string ToText(byte[] bytes) => Encoding.UTF8.GetString(bytes);

    private static byte[] WriteEnvelope(EcmsWriterOptions options, AddressingHeader? header, string? bodyId, Action<XmlWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var w = XmlWriter.Create(buffer, Settings))
        {
            w.WriteStartElement(EcmsNamespaces.SoapPrefix, "Envelope", EcmsNamespaces.Soap11);
            if (options.DeclareEnvAlias)
            {
                w.WriteAttributeString("xmlns", EcmsNamespaces.SoapPrefix, null, EcmsNamespaces.Soap11);
                w.WriteAttributeString("xmlns", "env", null, EcmsNamespaces.Soap11);
            }

            if (header is not null)
            {
                w.WriteStartElement(EcmsNamespaces.SoapPrefix, "Header", EcmsNamespaces.Soap11);
                w.WriteElementString(EcmsNamespaces.AddressingPrefix, "MessageID", EcmsNamespaces.Addressing, header.MessageId ?? "");
                w.WriteElementString(EcmsNamespaces.AddressingPrefix, "To", EcmsNamespaces.Addressing, header.To ?? "");
                w.WriteEndElement();
            }

            w.WriteStartElement(EcmsNamespaces.SoapPrefix, "Body", EcmsNamespaces.Soap11);
            if (bodyId is not null)
            {
                w.WriteAttributeString("ID", bodyId);
            }

            body(w);
            w.WriteEndElement();
            w.WriteEndElement();
        }

        return buffer.ToArray();
    }

    private static void WriteRequestBody(XmlWriter w, EcmsRequest request)
    {
        switch (request)
        {
            case SendLetterRequest send:
                w.WriteStartElement(OperationNames.OutboundRequest);
                WriteGovernmentDocument(w, send.Letter);
                w.WriteEndElement();
                break;
            case SendNotifierRequest notifier:
                w.WriteStartElement(OperationNames.OutboundRequest);
                WriteNotifier(w, notifier.Notifier.AsRequest());
                w.WriteEndElement();
                break;
            case PullRequest:
                w.WriteElementString(OperationNames.InboundRequest, null);
                break;
            case DeleteFromQueueRequest delete:
                w.WriteStartElement(OperationNames.DeleteRequest);
                Field(w, "ProcessID", delete.ProcessId);
                w.WriteEndElement();
                break;
            case WithdrawLetterRequest withdraw:
                w.WriteStartElement(OperationNames.WithdrawRequest);
                WriteLetterParties(w, withdraw.LetterId, withdraw.CorrespondenceDate, withdraw.SenderDepartmentCode, withdraw.AcceptDepartmentCode);
                w.WriteEndElement();
                break;
            case SpecialRequest special:
                w.WriteStartElement(OperationNames.SpecialRequest);
                w.WriteStartElement(special.ItemKind);
                WriteLetterParties(w, special.LetterId, special.CorrespondenceDate, special.SenderDepartmentCode, special.AcceptDepartmentCode);
                w.WriteEndElement();
                w.WriteEndElement();
                break;
            case DirectoryRequest directory:
                w.WriteElementString(RequestElement(directory.Operation), null);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(request), request.GetType().Name, "Unknown request type.");
        }
    }

    private static void WriteResponseBody(XmlWriter w, EcmsResponse response, EcmsWriterOptions options)
    {
        if (response is MinistryListResponse v1List && options.MinistryListV1Style)
        {
            foreach (var ministry in v1List.Ministries)
            {
                w.WriteStartElement("MinistryOrganizationList");
                WriteMinistryFields(w, ministry);
                w.WriteEndElement();
            }

            return;
        }

        w.WriteStartElement(response.Operation.ResponseElement());
        switch (response)
        {
            case ErrorResponse error:
                WriteErrors(w, error.Errors);
                break;
            case SendLetterResponse send:
                WriteProcess(w, send.ProcessId, send.ProcessTime);
                if (send.Echo is not null)
                {
                    WriteGovernmentDocument(w, send.Echo);
                }

                break;
            case SendNotifierResponse notifier:
                WriteProcess(w, notifier.ProcessId, notifier.ProcessTime);
                WriteNotifier(w, notifier.Notifier);
                break;
            case PullResponse { Item: { } item }:
                WriteProcess(w, item.ProcessId, item.ProcessTime);
                if (item.Letter is not null)
                {
                    WriteGovernmentDocument(w, item.Letter);
                }
                else if (item.Notifier is not null)
                {
                    WriteNotifier(w, item.Notifier);
                }

                break;
            case PullResponse:
                // Empty queue: no children at all (clients test the trimmed inner XML, R-HUB-6).
                break;
            case DeleteFromQueueResponse delete:
                WriteProcess(w, delete.ProcessId, delete.ProcessTime);
                break;
            case WithdrawLetterResponse withdraw:
                if (withdraw.ProcessId is not null)
                {
                    Field(w, "ProcessID", withdraw.ProcessId);
                }

                Field(w, "LetterID", withdraw.LetterId);
                Field(w, "ProcessTime", withdraw.ProcessTime);
                break;
            case MinistryListResponse ministries:
                foreach (var ministry in ministries.Ministries)
                {
                    w.WriteStartElement("MinistryOrganizationInfo");
                    WriteMinistryFields(w, ministry);
                    w.WriteEndElement();
                }

                break;
            case OrganizationListResponse organizations:
                foreach (var o in organizations.Organizations)
                {
                    w.WriteStartElement("OrganizationInfo");
                    Field(w, "En-Name", o.EnglishName);
                    Field(w, "Th-Name", o.ThaiName);
                    Field(w, "ECMS-URL", o.EcmsUrl);
                    Field(w, "OrganizationID", o.OrganizationId);
                    w.WriteEndElement();
                }

                break;
            case CodeListResponse codes:
                foreach (var code in codes.Codes)
                {
                    w.WriteStartElement("Code");
                    Field(w, "Value", code.Value);
                    Field(w, "Description", code.Description);
                    w.WriteEndElement();
                }

                break;
            case MimeCodesResponse mime:
                foreach (var type in mime.MimeTypes)
                {
                    w.WriteStartElement("Code");
                    Field(w, "File-Extension", type.FileExtension);
                    Field(w, "Content-type", type.ContentType);
                    w.WriteEndElement();
                }

                break;
            case OutboundStatusResponse status:
                foreach (var item in status.Items)
                {
                    w.WriteStartElement("Outbound");
                    Field(w, "ProcessID", item.ProcessId);
                    Field(w, "LetterID", item.LetterId);
                    Field(w, "ProcessStatus", item.ProcessStatus);
                    w.WriteEndElement();
                }

                break;
            case TimeCheckResponse time:
                Field(w, "ECMSTime", time.EcmsTime);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(response), response.GetType().Name, "Unknown response type.");
        }

        w.WriteEndElement();
    }

    private static void WriteGovernmentDocument(XmlWriter w, Letter letter)
    {
        const string ram = EcmsNamespaces.ReusableAggregate;
        const string p = EcmsNamespaces.ReusableAggregatePrefix;
        w.WriteStartElement(EcmsNamespaces.GovernmentDocumentPrefix, OperationNames.GovernmentDocument, EcmsNamespaces.GovernmentDocument);
        w.WriteAttributeString("xmlns", EcmsNamespaces.GovernmentDocumentPrefix, null, EcmsNamespaces.GovernmentDocument);
        w.WriteAttributeString("xmlns", p, null, ram);
        w.WriteStartElement(p, "CorrespondenceLetter", ram);
        if (letter.ElementId is not null)
        {
            w.WriteAttributeString("ID", letter.ElementId);
        }

        RamField(w, "ID", letter.LetterId);
        RamField(w, "CorrespondenceDate", letter.CorrespondenceDate);
        RamField(w, "Subject", letter.Subject);
        RamField(w, "SecretCode", letter.SecretCode);
        RamField(w, "SpeedCode", letter.SpeedCode);
        WriteParty(w, "SenderParty", letter.Sender);
        WriteParty(w, "ReceiverParty", letter.Receiver);
        foreach (var reference in letter.References)
        {
            w.WriteStartElement(p, "ReferenceCorrespondence", ram);
            RamField(w, "ID", reference.LetterId);
            RamField(w, "CorrespondenceDate", reference.CorrespondenceDate);
            RamField(w, "Subject", reference.Subject);
            w.WriteEndElement();
        }

        RamField(w, "Attachment", letter.AttachmentText);
        RamField(w, "SendDate", letter.SendDate);
        RamField(w, "Description", letter.Description);
        if (letter.MainLetter is not null)
        {
            WriteBinary(w, "MainLetterBinaryObject", letter.MainLetter);
        }

        foreach (var attachment in letter.Attachments)
        {
            WriteBinary(w, "AttachmentBinaryObject", attachment);
        }

        w.WriteEndElement();
        if (letter.GovernmentSignatureXml is not null)
        {
            w.WriteRaw(letter.GovernmentSignatureXml);
        }

        w.WriteEndElement();
    }

    private static void WriteParty(XmlWriter w, string name, Party party)
    {
        const string ram = EcmsNamespaces.ReusableAggregate;
        const string p = EcmsNamespaces.ReusableAggregatePrefix;
        w.WriteStartElement(p, name, ram);
        RamField(w, "GivenName", party.GivenName);
        RamField(w, "FamilyName", party.FamilyName);
        RamField(w, "JobTitle", party.JobTitle);
        w.WriteStartElement(p, "MinistryOrganization", ram);
        RamField(w, "ID", party.MinistryId);
        w.WriteEndElement();
        w.WriteStartElement(p, "DepartmentOrganization", ram);
        RamField(w, "ID", party.OrganizationId);
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void WriteBinary(XmlWriter w, string name, BinaryDocument document)
    {
        w.WriteStartElement(EcmsNamespaces.ReusableAggregatePrefix, name, EcmsNamespaces.ReusableAggregate);
        w.WriteAttributeString("mimeCode", document.MimeCode);
        w.WriteString(document.ContentBase64);
        w.WriteEndElement();
    }

    private static void WriteNotifier(XmlWriter w, Notifier notifier)
    {
        w.WriteStartElement(notifier.Kind.ElementName());
        Field(w, "LetterID", notifier.LetterId);
        if (notifier.Kind.CarriesAcceptId())
        {
            Field(w, "AcceptID", notifier.AcceptId ?? "");
        }

        Field(w, "CorrespondenceDate", notifier.CorrespondenceDate);
        Field(w, "Subject", notifier.Subject);
        if (notifier.AcceptDate is not null)
        {
            Field(w, "AcceptDate", notifier.AcceptDate);
        }

        if (notifier.AcceptDepartmentCode is not null)
        {
            w.WriteStartElement("AcceptDepartment");
            Field(w, "Code", notifier.AcceptDepartmentCode);
            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    private static void WriteLetterParties(XmlWriter w, string letterId, string date, string senderCode, string acceptCode)
    {
        Field(w, "LetterID", letterId);
        Field(w, "CorrespondenceDate", date);
        w.WriteStartElement("SenderDepartment");
        Field(w, "Code", senderCode);
        w.WriteEndElement();
        w.WriteStartElement("AcceptDepartment");
        Field(w, "Code", acceptCode);
        w.WriteEndElement();
    }

    /// <summary>An unqualified text field, always as start and end tag (the form the spec's examples and clients use).</summary>
    private static void Field(XmlWriter w, string name, string value)
    {
        w.WriteStartElement(name);
        w.WriteString(value);
        w.WriteFullEndElement();
    }

    private static void RamField(XmlWriter w, string name, string value)
    {
        w.WriteStartElement(EcmsNamespaces.ReusableAggregatePrefix, name, EcmsNamespaces.ReusableAggregate);
        w.WriteString(value);
        w.WriteFullEndElement();
    }

    private static void WriteMinistryFields(XmlWriter w, Ministry ministry)
    {
        Field(w, "MinistryID", ministry.MinistryId);
        Field(w, "Th-Name", ministry.ThaiName);
    }

    private static void WriteProcess(XmlWriter w, string processId, string processTime)
    {
        Field(w, "ProcessID", processId);
        Field(w, "ProcessTime", processTime);
    }

    private static void WriteErrors(XmlWriter w, IEnumerable<ErrorDetail> errors)
    {
        foreach (var error in errors)
        {
            w.WriteStartElement("ErrorDetail");
            Field(w, "ErrorCode", XmlChars.Printable(error.Code));
            Field(w, "ErrorDescription", XmlChars.Printable(error.Description));
            w.WriteEndElement();
        }
    }

    private static string RequestElement(Operation operation) => operation switch
    {
        Operation.GetMinistryOrganizationList => OperationNames.GetMinistryOrganizationList,
        Operation.GetOrganizationList => OperationNames.GetOrganizationList,
        Operation.GetSecretCodes => OperationNames.GetSecretCodes,
        Operation.GetSpeedCodes => OperationNames.GetSpeedCodes,
        Operation.GetMimeCodes => OperationNames.GetMimeCodes,
        Operation.OutboundStatus => OperationNames.OutboundStatusRequest,
        Operation.TimeCheck => OperationNames.TimeCheckRequest,
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "Not a directory operation."),
    };
}
