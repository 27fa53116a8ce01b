using ECms.Protocol;
using ECms.Protocol.Messages;
using ECms.Simulators.Journal;

namespace ECms.Conformance.Steps.Drivers.Hub;

/// <summary>Passive checks over every request the SUT made in the run so far (checklist group E).</summary>
public sealed partial class HubDriver
{
    public void RunRulesHold(params string[] rules) => FailOnFindings(RunSutEntries(), rules);

    public void NotifiersFromTheRightParty() => EveryRequest(RunSutEntries().Where(x => x.Entry.Request is SendNotifierRequest).ToArray(), e =>
    {
        var notifier = ((SendNotifierRequest)e.Request!).Notifier;
        var letter = WireView.LetterOf(Session.Hub, Sut, notifier.LetterId, notifier.CorrespondenceDate);
        if (letter is null)
        {
            return null;
        }

        var sutIsSender = letter.Key.SenderOrganizationId == Sut;
        return sutIsSender == notifier.Kind.IsSentByLetterSender() ? null
            : $"{notifier.Kind} about {notifier.LetterId}, a letter the system {(sutIsSender ? "sent" : "received")}";
    }, "notifiers sent by the right party (R-NTF-ROLE)");

    public void NotifiersMatchALetter() => EveryRequest(RunSutEntries().Where(x => x.Entry.Request is SendNotifierRequest && x.Ref.Hub == Verdicts.EvidenceRef.MainHub).ToArray(), e =>
    {
        var notifier = ((SendNotifierRequest)e.Request!).Notifier;
        return WireView.LetterOf(Session.Hub, Sut, notifier.LetterId, notifier.CorrespondenceDate) is null
            ? $"{notifier.Kind} for {notifier.LetterId} ({notifier.CorrespondenceDate}), which matches no letter of the system"
            : null;
    }, "notifiers naming a letter between the system and the counterpart (R-NTF-ECHO)");

    public void DeletesNameOwnProcessIds()
    {
        var entries = RunSutEntries();
        var given = new HashSet<string>(entries.Select(x => x.Entry.Response).OfType<PullResponse>().Where(p => p.Item is not null).Select(p => p.Item!.ProcessId), StringComparer.Ordinal);
        EveryRequest(entries.Where(x => x.Entry.Request is DeleteFromQueueRequest).ToArray(), e =>
            given.Contains(((DeleteFromQueueRequest)e.Request!).ProcessId) ? null : $"delete of {((DeleteFromQueueRequest)e.Request!).ProcessId}, never returned by a pull of the system",
            "deletes naming a ProcessID the system's own pulls returned (R-DEL-1)");
    }

    public void LettersInOwnName() => EveryRequest(RunSutEntries().Where(x => x.Entry.Request is SendLetterRequest).ToArray(), e =>
    {
        var sender = ((SendLetterRequest)e.Request!).Letter.Sender.OrganizationId;
        return sender == Sut ? null : $"letter in the name of {sender}";
    }, "letters naming the system under test as sender (R-SEND-8)");

    public void RunToNamesTheRightEndpoint() => EveryRequest(RunSutEntries().Where(x => x.Ref.Hub == Verdicts.EvidenceRef.MainHub).ToArray(), e =>
    {
        var expected = WireView.ExpectedTo(Session.Hub, Sut, e);
        var actual = e.Request?.Header.To;
        return expected is null || WireView.SameUrl(expected, actual) ? null : $"{e.Operation}: wsa:To {actual ?? "(none)"} instead of {expected}";
    }, "wsa:To consistent with the receiver or counterpart (R-ENV-3)");

    public void NoBuddhistEraYears() => EveryRequest(RunSutEntries(), e =>
    {
        var bad = WireView.DateFields(e.Request).Where(d => WireView.Year(d.Value) >= 2400).ToArray();
        return bad.Length == 0 ? null : string.Join(", ", bad.Select(d => $"{d.Field} = {d.Value}"));
    }, "Gregorian years in every date field (R-SEND-3)");

    public void WellFormedUtf8() => EveryRequest(RunSutEntries(), e =>
        !WireView.IsValidUtf8(e) ? "not valid UTF-8"
        : WireView.Envelope(e) is null ? "not well-formed XML"
        : null,
        "well-formed UTF-8 XML (R-ENV-0, R-SEND-TXT)");

    public void CodesFromServedLists()
    {
        var lists = Session.Hub.Options.CodeLists;
        EveryRequest(RunSutEntries().Where(x => x.Entry.Request is SendLetterRequest).ToArray(), e =>
        {
            var letter = ((SendLetterRequest)e.Request!).Letter;
            var bad = new List<string>();
            if (!lists.IsSecretCode(letter.SecretCode))
            {
                bad.Add($"SecretCode {letter.SecretCode}");
            }

            if (!lists.IsSpeedCode(letter.SpeedCode))
            {
                bad.Add($"SpeedCode {letter.SpeedCode}");
            }

            bad.AddRange(new[] { letter.MainLetter }.Concat(letter.Attachments).OfType<BinaryDocument>()
                .Where(d => !d.IsPlaceholder && !lists.IsAllowedContentType(d.MimeCode)).Select(d => $"mimeCode {d.MimeCode}"));
            return bad.Count == 0 ? null : string.Join(", ", bad);
        }, "codes from the hub's lists (R-SEND-5, R-SEND-6, R-SEND-ATT)");
    }

    public void Soap11UnqualifiedEverywhere() => EveryRequest(RunSutEntries(), e =>
    {
        var envelope = WireView.Envelope(e);
        if (envelope is null)
        {
            return null;
        }

        if (!envelope.IsSoap11)
        {
            return $"envelope namespace {envelope.EnvelopeNamespace}";
        }

        var qualified = WireView.MustBeUnqualified(envelope).Where(x => x.Name.NamespaceName.Length > 0).Take(3).ToArray();
        return qualified.Length == 0 ? null : $"{string.Join(", ", qualified.Select(x => x.Name.ToString()))} must be unqualified";
    }, "SOAP 1.1 with unqualified wrappers and notifier fields (R-ENV-5, R-ENV-7)");

    public void NoRepeatedEmptyPulls()
    {
        var entries = RunSutEntries().Where(x => x.Entry.Operation != Operation.Unknown).ToArray();
        var repeats = entries.Zip(entries.Skip(1))
            .Where(p => IsEmptyPull(p.First.Entry) && IsEmptyPull(p.Second.Entry) && Session.SamePollCycle(p.First.Ref, p.Second.Ref))
            .Select(p => p.Second.Entry).ToArray();
        if (repeats.Length > 0)
        {
            throw Verdict.Fail("A polling cycle pulled an already empty queue again, with nothing in between (R-PULL-4).", "one empty pull per cycle",
                $"{repeats.Length} repeated empty pull(s)", evidence: Refs(repeats));
        }

        Verdict.Pass("No polling cycle pulled an empty queue twice.");
    }

    /// <summary>
    /// Empty pulls per minute that the harness did not trigger (its own poll actions are excluded): a timer that hammers
    /// an empty queue shows here. SHOULD (R-PULL-4 advisory).
    /// </summary>
    public void EmptyPullRate(int perMinute)
    {
        var own = RunSutEntries().Where(x => IsEmptyPull(x.Entry) && !Session.IsTriggeredPull(x.Ref)).Select(x => x.Entry).ToArray();
        if (own.Length < 2)
        {
            Verdict.Pass($"{own.Length} empty pull(s) on the system's own initiative.");
            return;
        }

        var minutes = Math.Max((own[^1].ReceivedAt - own[0].ReceivedAt).TotalMinutes, 1.0 / 60);
        var rate = own.Length / Math.Max(minutes, 1);
        if (rate > perMinute)
        {
            Verdict.Warn($"The system pulled an empty queue {rate:0.#} times a minute on its own (R-PULL-4 recommends at most {perMinute}).", evidence: Refs(own.Take(20)));
            return;
        }

        Verdict.Pass($"Own empty pulls: {rate:0.#} a minute.");
    }

    private static bool IsEmptyPull(JournalEntry e) => e.Operation == Operation.Pull && e.Response is PullResponse { Item: null };
}
