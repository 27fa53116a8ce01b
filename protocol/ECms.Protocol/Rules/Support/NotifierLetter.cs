using System.Xml.Linq;
using ECms.Protocol.Lifecycle;
using ECms.Protocol.Messages;

namespace ECms.Protocol.Rules.Support;

/// <summary>
/// The outcome of looking up the letter a notifier is about; <see cref="Looked"/> false = no context to look in (then
/// <see cref="Request"/> and <see cref="Element"/>, the notifier's element on the wire, are null).
/// </summary>
internal sealed record NotifierLetter(bool Looked, LetterRecord? Record, SendNotifierRequest? Request, XElement? Element)
{
    public static NotifierLetter NotLooked { get; } = new(false, null, null, null);

    /// <summary>
    /// Finds the letter of the notifier in <paramref name="context"/> (R-NTF-ECHO, R-NTF-ROLE, R-NTF-IAC,
    /// R-NTF-STATE): between the caller and the counterpart that wsa:To names, in the orientation the notifier kind
    /// implies first; when wsa:To does not resolve to another organisation, among every letter the caller sent or
    /// received with that number and date, active ones first (the 1.x hub routed such notifiers by the letter, §2.2).
    /// </summary>
    public static NotifierLetter Find(RuleContext context)
    {
        if (context.Request is not SendNotifierRequest request || context.Letters is not { } letters || context.CallerOrganizationId is not { } caller
            || context.Envelope?.OperationElement?.Elements().FirstOrDefault() is not { } element)
        {
            return NotLooked;
        }

        var notifier = request.Notifier;
        var to = request.Header.To;
        var counterpart = WireText.IsBlank(to) ? null : context.Directory?.FindByEndpoint(to!)?.OrganizationId;

        // A wsa:To naming the caller itself names no counterpart (R-ENV-3 reports it); the letter is still findable.
        if (counterpart is null || counterpart == caller)
        {
            var involving = letters.FindInvolving(caller, notifier.LetterId, notifier.CorrespondenceDate);
            var record = involving.FirstOrDefault(r => LetterLifecycle.IsActive(r.State)) ?? (involving.Count > 0 ? involving[0] : null);
            return new NotifierLetter(true, record, request, element);
        }

        var (sender, receiver) = notifier.Kind.IsSentByLetterSender() ? (caller, counterpart) : (counterpart, caller);
        var found = letters.Find(new LetterKey(sender, receiver, notifier.LetterId, notifier.CorrespondenceDate))
            ?? letters.Find(new LetterKey(receiver, sender, notifier.LetterId, notifier.CorrespondenceDate));
        return new NotifierLetter(true, found, request, element);
    }
}
