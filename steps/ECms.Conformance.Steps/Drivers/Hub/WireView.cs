using System.Buffers;
using System.Text;
using System.Xml.Linq;
using ECms.Protocol;
using ECms.Protocol.Lifecycle;
using ECms.Protocol.Messages;
using ECms.Protocol.Wire;
using ECms.Simulators.Hub;
using ECms.Simulators.Journal;

namespace ECms.Conformance.Steps.Drivers.Hub;

/// <summary>What a journalled request looks like on the wire: its envelope as parsed from the raw bytes, and who it was for.</summary>
internal static class WireView
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    public static SoapEnvelope? Envelope(JournalEntry entry)
    {
        var loaded = SafeXmlLoader.Load(entry.RequestBody.ToArray(), new XmlLimits { MaxBytes = long.MaxValue / 2 });
        return loaded.Document?.Root is null ? null : SoapEnvelope.From(loaded.Document);
    }

    public static bool IsValidUtf8(JournalEntry entry)
    {
        try
        {
            _ = StrictUtf8.GetString(entry.RequestBody.ToArray());
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>The wsa:To element in the WS-Addressing 1.0 namespace, or the first header element named To/to in any namespace.</summary>
    public static XElement? ToElement(SoapEnvelope envelope) =>
        envelope.Header?.Elements().FirstOrDefault(e => e.Name.LocalName.Equals("To", StringComparison.OrdinalIgnoreCase));

    public static XElement? MessageIdElement(SoapEnvelope envelope) =>
        envelope.Header?.Elements().FirstOrDefault(e => e.Name.LocalName == "MessageID");

    /// <summary>Elements that must be unqualified: the operation wrapper, and for notifiers the notifier and its fields.</summary>
    public static IEnumerable<XElement> MustBeUnqualified(SoapEnvelope envelope)
    {
        if (envelope.OperationElement is not { } operation)
        {
            yield break;
        }

        yield return operation;
        foreach (var child in operation.Elements())
        {
            if (child.Name.LocalName == OperationNames.GovernmentDocument)
            {
                continue;
            }

            yield return child;
            foreach (var field in child.Descendants())
            {
                yield return field;
            }
        }
    }

    /// <summary>The letter the request is about, at the hub, when the SUT is one of its parties.</summary>
    public static HubLetterView? LetterOf(FakeHub hub, string sut, string letterId, string date) =>
        hub.AllLetters().LastOrDefault(l => l.Key.LetterId == letterId && l.Key.CorrespondenceDate == date
            && (l.Key.SenderOrganizationId == sut || l.Key.ReceiverOrganizationId == sut));

    /// <summary>
    /// The wsa:To the request should carry (spec §2.2): the receiver for a letter, the counterpart of the original letter
    /// for a notifier, the caller's own endpoint otherwise. Null when the counterpart cannot be known.
    /// </summary>
    public static string? ExpectedTo(FakeHub hub, string sut, JournalEntry entry)
    {
        switch (entry.Request)
        {
            case SendLetterRequest send:
                return hub.Directory.Find(send.Letter.Receiver.OrganizationId)?.EcmsUrl;
            case SendNotifierRequest notify:
                var letter = LetterOf(hub, sut, notify.Notifier.LetterId, notify.Notifier.CorrespondenceDate);
                if (letter is null)
                {
                    return null;
                }

                var counterpart = letter.Key.SenderOrganizationId == sut ? letter.Key.ReceiverOrganizationId : letter.Key.SenderOrganizationId;
                return hub.Directory.Find(counterpart)?.EcmsUrl;
            case null:
                return null;
            default:
                return hub.Directory.Find(sut)?.EcmsUrl;
        }
    }

    public static bool SameUrl(string? a, string? b) =>
        a is not null && b is not null && string.Equals(a.TrimEnd('/'), b.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    /// <summary>Every date field of a request with its value (letters, references, notifiers, withdrawals).</summary>
    public static IEnumerable<(string Field, string Value)> DateFields(EcmsRequest? request)
    {
        switch (request)
        {
            case SendLetterRequest send:
                yield return ("CorrespondenceDate", send.Letter.CorrespondenceDate);
                yield return ("SendDate", send.Letter.SendDate);
                foreach (var reference in send.Letter.References.Where(r => !r.IsPlaceholder))
                {
                    yield return ("ReferenceCorrespondence/CorrespondenceDate", reference.CorrespondenceDate);
                }

                break;
            case SendNotifierRequest notify:
                yield return ("CorrespondenceDate", notify.Notifier.CorrespondenceDate);
                break;
            case WithdrawLetterRequest withdraw:
                yield return ("CorrespondenceDate", withdraw.CorrespondenceDate);
                break;
        }
    }

    public static int? Year(string value) =>
        value.Length >= 4 && int.TryParse(value.AsSpan(0, 4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year) ? year : null;

    public static bool IsActive(HubLetterView letter) => LetterLifecycle.IsActive(letter.State);
}
