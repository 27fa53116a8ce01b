using System.Text;
using System.Xml;
using System.Xml.Linq;
using ECms.Protocol;
using ECms.Protocol.Messages;
using ECms.Protocol.Wire;

namespace ECms.ReferenceAgency.Faults;

/// <summary>
/// Writes the agency's requests: the protocol library's <see cref="EcmsWriter"/> for the correct wire form, then the
/// wire-changing faults as transformations of the model before writing or of the bytes after it. The protocol
/// library has no fault knobs; every deviation the agency can inject on the wire is here, one branch per fault.
/// </summary>
internal sealed class WireFaults(IReadOnlySet<AgencyFault> faults)
{
    private static readonly XmlWriterSettings Compact = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        OmitXmlDeclaration = true,
        Indent = false,
        NewLineHandling = NewLineHandling.None,
    };

    public bool Has(AgencyFault fault) => faults.Contains(fault);

    /// <param name="ownEndpoint">The agency's own endpoint, which the wrong-wsa-to fault puts where the counterpart's belongs.</param>
    public byte[] Write(EcmsRequest request, string ownEndpoint)
    {
        var bytes = EcmsWriter.WriteRequest(TransformModel(request, ownEndpoint));
        return TransformBytes(request, bytes);
    }

    private EcmsRequest TransformModel(EcmsRequest request, string ownEndpoint)
    {
        if (Has(AgencyFault.WrongWsaTo) && request.Operation.IsAddressedToCounterpart())
        {
            // The classic confusion of the POST target with the addressee.
            request = request with { Header = request.Header with { To = ownEndpoint } };
        }

        return request switch
        {
            SendLetterRequest send => send with { Letter = TransformLetter(send.Letter) },
            SendNotifierRequest notify => notify with { Notifier = TransformNotifier(notify.Notifier) },
            _ => request,
        };
    }

    private Letter TransformLetter(Letter letter)
    {
        if (Has(AgencyFault.BuddhistEraDates))
        {
            // The export forgot the calendar conversion that the screen (Thai, Buddhist era) needs.
            letter = letter with
            {
                CorrespondenceDate = ToBuddhistEra(letter.CorrespondenceDate),
                SendDate = ToBuddhistEra(letter.SendDate),
                References = letter.References.Select(r => r with { CorrespondenceDate = ToBuddhistEra(r.CorrespondenceDate) }).ToArray(),
            };
        }

        if (Has(AgencyFault.TwoDigitSecretCodes) && letter.SecretCode.Length == 3 && letter.SecretCode[0] == '0')
        {
            letter = letter with { SecretCode = letter.SecretCode[1..] };
        }

        if (Has(AgencyFault.FirstEnclosureOnly) && letter.Attachments.Count > 1)
        {
            // An export written for the 1.x single-attachment form: only the first enclosure is carried.
            letter = letter with { Attachments = letter.Attachments.Take(1).ToArray() };
        }

        if (Has(AgencyFault.StaleSenderOrganization))
        {
            // The letterhead setting still holds the code the agency had before its renumbering, not the one registered for its endpoint.
            var stale = StaleOrganizationId(letter.Sender.OrganizationId);
            letter = letter with { Sender = letter.Sender with { OrganizationId = stale, MinistryId = Party.MinistryOf(stale) } };
        }

        if (Has(AgencyFault.MinistryUnspecified))
        {
            // The receiver's ministry comes from a drop-down that defaults to the list's first entry, 00 ไม่ระบุ.
            letter = letter with { Receiver = letter.Receiver with { MinistryId = "00" } };
        }

        return letter;
    }

    /// <summary>The own code with its last digit moved on by one: a neighbouring code the hub has not registered for this endpoint.</summary>
    internal static string StaleOrganizationId(string own) =>
        own.Length == 0 || !char.IsAsciiDigit(own[^1]) ? own + "0" : own[..^1] + (char)('0' + ((own[^1] - '0' + 1) % 10));

    private Notifier TransformNotifier(Notifier notifier)
    {
        if (Has(AgencyFault.EmptyAcceptId) && notifier.Kind == NotifierKind.AcceptLetter)
        {
            notifier = notifier with { AcceptId = "" };
        }

        if (Has(AgencyFault.NotifierSubjectDiffers))
        {
            // The notifier carries the agency's register caption instead of the letter's own subject.
            notifier = notifier with { Subject = "เรื่อง " + notifier.Subject };
        }

        if (Has(AgencyFault.SpacelessAcceptLetterId) && notifier.Kind == NotifierKind.AcceptLetter)
        {
            // The receipt-number notice takes the letter number from the register's search key, which drops spaces.
            notifier = notifier with { LetterId = notifier.LetterId.Replace(" ", "", StringComparison.Ordinal) };
        }

        return notifier;
    }

    private byte[] TransformBytes(EcmsRequest request, byte[] bytes)
    {
        var xmlFaults = (Has(AgencyFault.NamespacedNotifierFields) && request is SendNotifierRequest)
            || (Has(AgencyFault.NonStandardPrefixes) && request is SendLetterRequest)
            || Has(AgencyFault.Soap12Envelope);
        if (xmlFaults)
        {
            bytes = TransformXml(request, bytes);
        }

        if (Has(AgencyFault.UnescapedAmpersand))
        {
            // Text concatenated into XML without escaping: the request is no longer well-formed when a field has "&".
            bytes = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace("&amp;", "&", StringComparison.Ordinal));
        }

        return bytes;
    }

    private byte[] TransformXml(EcmsRequest request, byte[] bytes)
    {
        var document = SafeXmlLoader.Load(bytes).Document
            ?? throw new InvalidOperationException("The protocol writer produced XML its own loader refuses.");
        var root = document.Root!;
        if (Has(AgencyFault.NamespacedNotifierFields) && request is SendNotifierRequest)
        {
            XNamespace ram = EcmsNamespaces.ReusableAggregate;
            var notifier = root.Descendants().First(e => OperationNames.TryParseNotifier(e.Name.LocalName, out _));
            notifier.SetAttributeValue(XNamespace.Xmlns + EcmsNamespaces.ReusableAggregatePrefix, EcmsNamespaces.ReusableAggregate);
            foreach (var field in notifier.Descendants().ToList())
            {
                field.Name = ram + field.Name.LocalName;
            }
        }

        if (Has(AgencyFault.NonStandardPrefixes) && request is SendLetterRequest)
        {
            // What a generic serializer does: generated prefixes instead of the literal rsm/ram that peers match on.
            var governmentDocument = root.Descendants().First(e => e.Name.LocalName == OperationNames.GovernmentDocument);
            governmentDocument.Attribute(XNamespace.Xmlns + EcmsNamespaces.GovernmentDocumentPrefix)?.Remove();
            governmentDocument.Attribute(XNamespace.Xmlns + EcmsNamespaces.ReusableAggregatePrefix)?.Remove();
            governmentDocument.SetAttributeValue(XNamespace.Xmlns + "ns1", EcmsNamespaces.GovernmentDocument);
            governmentDocument.SetAttributeValue(XNamespace.Xmlns + "ns2", EcmsNamespaces.ReusableAggregate);
        }

        if (Has(AgencyFault.Soap12Envelope))
        {
            XNamespace soap12 = EcmsNamespaces.Soap12;
            root.SetAttributeValue(XNamespace.Xmlns + EcmsNamespaces.SoapPrefix, EcmsNamespaces.Soap12);
            foreach (var part in new[] { root }.Concat(root.Elements()))
            {
                if (part.Name.NamespaceName == EcmsNamespaces.Soap11)
                {
                    part.Name = soap12 + part.Name.LocalName;
                }
            }
        }

        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, Compact))
        {
            document.Save(writer);
        }

        return buffer.ToArray();
    }

    private static string ToBuddhistEra(string wireDate)
    {
        if (wireDate.Length < 4 || !int.TryParse(wireDate.AsSpan(0, 4), out var year) || year == 0)
        {
            return wireDate;
        }

        return (year + WireFormats.BuddhistEraOffset).ToString("D4", System.Globalization.CultureInfo.InvariantCulture) + wireDate[4..];
    }
}
