using ECms.Conformance.Steps.Drivers.Letters;
using ECms.Conformance.Steps.Drivers.Sut;
using ECms.Protocol;
using ECms.Protocol.Messages;
using ECms.Simulators.Journal;

namespace ECms.Conformance.Steps.Drivers;

/// <summary>Checks of what the SUT answered and what it shows its operator (the SUT's own view).</summary>
public sealed partial class OperatorDriver
{
    private static readonly string[] SentStatuses = ["sent", "received-by-peer", "accepted", "rejected", "invalid", "accept-id-disputed"];

    public async Task ShowsSentWithProcessIdAsync()
    {
        var letter = Letters.RequireOutbound();
        var accepted = hub.SendsOf(letter.Key.LetterId).LastOrDefault(e => e.Outcome == ExchangeOutcome.Accepted)
            ?? throw Verdict.Fail($"The hub accepted no letter {letter.Key.LetterId}.", "an accepted letter", "none");
        var processId = (accepted.Response as SendLetterResponse)?.ProcessId;
        var view = await SingleAsync(SutDirection.Outbound, letter.SutKey).ConfigureAwait(false);
        if (view.Status != "sent")
        {
            throw Verdict.Fail("After sending, the system must show the letter as sent, awaiting acknowledgement.", "sent", view.Status, evidence: harness.Ref(accepted));
        }

        if (harness.Session.Sut.Kind != "manual" && view.ProcessId != processId)
        {
            throw Verdict.Fail("The system must store the ProcessID the hub returned for the letter.", processId, view.ProcessId, evidence: harness.Ref(accepted));
        }

        Verdict.Pass($"The system shows {letter.Key.LetterId} as sent with ProcessID {processId}.", harness.Ref(accepted));
    }

    public async Task ReportsFailureAndNotSentAsync()
    {
        if (LastSendResult.Outcome is not (SutOutcome.HubError or SutOutcome.Refused))
        {
            throw Verdict.Fail("The system must report that sending failed.", "hub-error or refused", LastSendResult.ToString());
        }

        await NotShownAsSentAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Not shown as sent unless the hub told the SUT it has the letter. A letter the hub took while its answer was lost
    /// (A6) does not count: the SUT cannot know until it asks.
    /// </summary>
    public async Task NotShownAsSentAsync()
    {
        var letter = Letters.RequireOutbound();
        var views = await FindAsync(SutDirection.Outbound, letter.SutKey).ConfigureAwait(false);
        var told = hub.HubToldSutItHolds(letter.Key);
        var shownSent = views.Where(v => SentStatuses.Contains(v.Status)).ToArray();
        if (shownSent.Length > 0 && told is null)
        {
            var lost = hub.SendsOf(letter.Key.LetterId).Any(e => e.Outcome == ExchangeOutcome.Accepted);
            throw Verdict.Fail(lost
                    ? "The system shows the letter as sent although the hub's answer was lost and the system never learned from the hub (OutboundStatus, a duplicate refusal) that it arrived."
                    : "The system shows the letter as sent although the hub never accepted it.",
                "not sent", shownSent[0].Status, evidence: hub.Refs(hub.SendsOf(letter.Key.LetterId)));
        }

        Verdict.Pass("The letter is not shown as sent.", hub.Refs(hub.SendsOf(letter.Key.LetterId)));
    }

    /// <summary>
    /// A6 after the hang: the hub took the letter and the answer was lost. The system reports the failure and does not
    /// show the letter as sent — or it asked the hub and may say it is sent; never "sent" on its own guess.
    /// </summary>
    public async Task ReportsFailureOrConfirmedSentAsync()
    {
        var letter = Letters.RequireOutbound();
        var lost = await hub.WaitForSutAsync(
            e => e.Operation == Operation.SendLetter && e.Fault is { AppliesRequest: true } && Hub.HubDriver.IsSendOf(e, letter.Key),
            $"letter {letter.Key.LetterId} while the hub hung", letter.Mark).ConfigureAwait(false);
        if (LastSendResult.Outcome == SutOutcome.Done)
        {
            var told = hub.HubToldSutItHolds(letter.Key)
                ?? throw Verdict.Fail("The system reports the letter as sent although the hub's answer was lost and it did not ask the hub whether the letter arrived.",
                    "hub-error, or done after asking the hub", LastSendResult.ToString(), evidence: harness.Ref(lost));
            Verdict.Pass("The hub's answer was lost; the system asked the hub and reports the letter as sent.", harness.Ref(lost), harness.Ref(told));
            return;
        }

        if (LastSendResult.Outcome is not (SutOutcome.HubError or SutOutcome.Refused))
        {
            throw Verdict.Fail("The system must report that sending failed when the hub's answer does not come.", "hub-error", LastSendResult.ToString(), evidence: harness.Ref(lost));
        }

        await NotShownAsSentAsync().ConfigureAwait(false);
    }

    /// <summary>A6's end: once the hub has recovered, the retry succeeds and the letter is shown as sent with the hub's ProcessID.</summary>
    public async Task RetrySucceededAndShownSentAsync()
    {
        var letter = Letters.RequireOutbound();
        var sends = hub.Refs(hub.SendsOf(letter.Key.LetterId));
        var view = await SingleAsync(SutDirection.Outbound, letter.SutKey).ConfigureAwait(false);
        var shownSent = SentStatuses.Contains(view.Status);

        // A system that already settled the letter may refuse to send it again; what counts is that it shows it sent.
        if (LastSendResult.Outcome != SutOutcome.Done && !(LastSendResult.Outcome == SutOutcome.Refused && shownSent))
        {
            throw Verdict.Fail("After the hub recovered, sending the letter again must succeed.", "done", LastSendResult.ToString(), evidence: sends);
        }

        if (!shownSent)
        {
            throw Verdict.Fail("After a successful retry the system must show the letter as sent.", "sent", view.Status, evidence: sends);
        }

        var atHub = hub.Hub.FindLetter(letter.Key)?.SubmissionProcessId;
        if (harness.Session.Sut.Kind != "manual" && view.ProcessId is { Length: > 0 } shown && atHub is not null && shown != atHub)
        {
            throw Verdict.Fail("The ProcessID the system shows must be the one the hub gave the letter it holds.", atHub, shown, evidence: sends);
        }

        Verdict.Pass($"The retry succeeded; the system shows {letter.Key.LetterId} as {view.Status}{(view.ProcessId is null ? "" : $" with ProcessID {view.ProcessId}")}.", sends);
    }

    public void ShowsHubErrors(params string[] codes)
    {
        var shown = LastSendResult.Errors.Select(e => e.Code).ToArray();
        var missing = codes.Except(shown, StringComparer.Ordinal).ToArray();
        if (LastSendResult.Outcome != SutOutcome.HubError || missing.Length > 0)
        {
            throw Verdict.Fail($"The system must show every error the hub returned ({string.Join(", ", codes)}).", string.Join(", ", codes),
                $"{LastSendResult.Outcome}: {string.Join(", ", shown)}", evidence: hub.Refs(hub.SutEntries().Where(e => e.Errors.Count > 0)));
        }

        Verdict.Pass($"The system shows {string.Join(", ", codes)}.");
    }

    /// <summary>C5: refused locally is a pass; sent, refused by the hub and surfaced is the lower-grade pass (Warning).</summary>
    public void RefusedBeforeHub()
    {
        var letter = Letters.RequireOutbound();
        var sends = hub.SendsOf(letter.Key.LetterId);
        if (sends.Count == 0 && LastSendResult.Outcome == SutOutcome.Refused)
        {
            Verdict.Pass($"The system refused locally: {LastSendResult.Reason}");
            return;
        }

        if (sends.Count > 0 && sends.All(e => e.Outcome != ExchangeOutcome.Accepted) && LastSendResult.Outcome == SutOutcome.HubError)
        {
            throw Verdict.FailShould("The system sent the letter without a cover letter and only surfaced the hub's refusal; it should refuse before sending (lower-grade pass).",
                "refused locally", $"sent, hub answered {string.Join(", ", sends.SelectMany(e => e.Errors).Select(e => e.Code))}", hub.Refs(sends));
        }

        throw Verdict.Fail("The system must refuse a letter without a cover letter before anything reaches the hub.", "refused, nothing at the hub",
            $"{LastSendResult}; {sends.Count} request(s) at the hub{(sends.Any(e => e.Outcome == ExchangeOutcome.Accepted) ? ", accepted" : "")}", evidence: hub.Refs(sends));
    }

    /// <summary>Refused by the SUT, or refused by the hub (with <paramref name="code"/> when given) and shown — but never sent.</summary>
    public void RefusedOrHubRejected(string? code, SutActionResult? result = null)
    {
        result ??= LastSendResult;
        var letter = Letters.CurrentOutbound;
        var accepted = letter is not null && result == LastSendResult
            && hub.SendsOf(letter.Key.LetterId).Any(e => e.Sequence > letter.Mark && e.Outcome == ExchangeOutcome.Accepted);
        switch (result.Outcome)
        {
            case SutOutcome.Refused when !accepted:
                Verdict.Pass($"The system refused: {result.Reason}");
                return;
            case SutOutcome.HubError when code is null || result.Errors.Any(e => e.Code == code):
                Verdict.Pass($"The system showed the hub's error {string.Join(", ", result.Errors.Select(e => e.Code))}.");
                return;
            default:
                throw Verdict.Fail($"The system must refuse, or show the hub's error{(code is null ? "" : $" {code}")}.", code is null ? "refused or hub-error" : $"refused or {code}",
                    result.ToString(), evidence: letter is null ? [] : hub.Refs(hub.SendsOf(letter.Key.LetterId)));
        }
    }

    public async Task OutboundStatusIsAsync(params string[] statuses)
    {
        var letter = Letters.RequireOutbound();
        var view = await SingleAsync(SutDirection.Outbound, letter.SutKey).ConfigureAwait(false);
        if (!statuses.Contains(view.Status))
        {
            throw Verdict.Fail($"The system must show letter {letter.Key.LetterId} as {string.Join(" or ", statuses)}.", string.Join(" or ", statuses), view.Status);
        }

        Verdict.Pass($"The system shows {letter.Key.LetterId} as {view.Status}.");
    }

    public async Task ShowsAcceptIdAsync(string expected)
    {
        var letter = Letters.RequireOutbound();
        var view = await SingleAsync(SutDirection.Outbound, letter.SutKey).ConfigureAwait(false);
        if (view.AcceptId != expected)
        {
            throw Verdict.Fail("The system must record the receipt number the receiver sent against the letter (FAQ step 6).", expected, view.AcceptId ?? "(none)");
        }

        Verdict.Pass($"The system shows receipt number {expected}.");
    }

    /// <param name="deleted">
    /// Whether the item judges the delete too (R-PULL-2: D2, D3, F…). A set-up step ("has received a letter") and items
    /// whose Expected line is about something else (A5, A7, D12, D14) need only the stored letter: the delete is judged
    /// by the items about it, so a SUT that never deletes fails those, not every item that receives a letter.
    /// </param>
    public async Task StoresReceivedLetterAsync(Letter? letter = null, bool deleted = true)
    {
        letter ??= Letters.RequireInbound();
        var after = Math.Max(hub.ScenarioMark, Letters.InboundMarks.GetValueOrDefault(letter));
        var pulled = await hub.WaitForSutAsync(e => e.Response is PullResponse { Item.Letter: { } l } && l.LetterId == letter.LetterId, $"a pull that returns letter {letter.LetterId}", after).ConfigureAwait(false);
        var processId = ((PullResponse)pulled.Response!).Item!.ProcessId;
        if (deleted)
        {
            await hub.WaitForSutAsync(e => e.Request is DeleteFromQueueRequest d && d.ProcessId == processId && e.Outcome == ExchangeOutcome.Accepted,
                $"the delete of queue item {processId} (letter {letter.LetterId})", after).ConfigureAwait(false);
        }

        var views = await FindAsync(SutDirection.Inbound, Key(letter)).ConfigureAwait(false);
        if (views.Count == 0)
        {
            throw Verdict.Fail($"The system pulled letter {letter.LetterId} (queue item {processId}) but does not list it.", "listed", "not listed");
        }

        Verdict.Pass(deleted ? $"The system stored letter {letter.LetterId} and deleted queue item {processId}." : $"The system stored letter {letter.LetterId} (queue item {processId}).");
    }

    public async Task StoredFieldsAsSentAsync()
    {
        var letter = Letters.RequireInbound();
        var view = await SingleAsync(SutDirection.Inbound, Key(letter)).ConfigureAwait(false);
        var problems = new List<string>();
        Compare(problems, "subject", letter.Subject, view.Subject);
        Compare(problems, "secret code", letter.SecretCode, view.SecretCode);
        Compare(problems, "speed code", letter.SpeedCode, view.SpeedCode);
        var expectedReferences = letter.References.Where(r => !r.IsPlaceholder).Select(r => $"{r.LetterId}|{r.CorrespondenceDate}|{r.Subject}").ToArray();
        var storedReferences = view.References.Select(r => $"{r.LetterId}|{r.CorrespondenceDate}|{r.Subject}").ToArray();
        if (!expectedReferences.SequenceEqual(storedReferences))
        {
            problems.Add($"references {string.Join("; ", storedReferences)} instead of {string.Join("; ", expectedReferences)}");
        }

        if (problems.Count > 0)
        {
            throw Verdict.Fail("The system must store the letter's fields as sent.", "as sent", string.Join("; ", problems));
        }

        Verdict.Pass("Number, date, subject, codes and references stored as sent.");
    }

    public async Task FilesByteIdenticalAsync()
    {
        var letter = Letters.RequireInbound();
        var view = await SingleAsync(SutDirection.Inbound, Key(letter)).ConfigureAwait(false);
        var expected = new[] { letter.MainLetter }.Concat(letter.Attachments).OfType<BinaryDocument>().Where(d => !d.IsPlaceholder).Select(d => d.Inspect().Sha256).ToArray();
        var stored = new[] { view.MainLetter }.Concat(view.Attachments).OfType<SutFileView>().Select(f => f.Sha256).ToArray();
        if (!expected.SequenceEqual(stored))
        {
            throw Verdict.Fail("The stored cover letter and enclosures must decode to exactly the bytes sent (SHA-256).", string.Join(", ", expected), string.Join(", ", stored));
        }

        Verdict.Pass($"{expected.Length} file(s) stored byte for byte.");
    }

    public async Task InboundStatusIsAsync(string status)
    {
        var letter = Letters.RequireInbound();
        var view = await SingleAsync(SutDirection.Inbound, Key(letter)).ConfigureAwait(false);
        if (view.Status != status)
        {
            throw Verdict.Fail($"The system must show the received letter as {status}.", status, view.Status);
        }

        Verdict.Pass($"The received letter is shown as {status}.");
    }

    public async Task InboundCodesAsync(string secretCode, string speedCode)
    {
        var letter = Letters.RequireInbound();
        var view = await SingleAsync(SutDirection.Inbound, Key(letter)).ConfigureAwait(false);
        if (view.SecretCode != secretCode || view.SpeedCode != speedCode)
        {
            throw Verdict.Fail("The system must keep the classification and urgency of the received letter.", $"{secretCode}/{speedCode}", $"{view.SecretCode}/{view.SpeedCode}");
        }

        Verdict.Pass($"Stored as {secretCode}/{speedCode}.");
    }

    public async Task HoldsReceivedLetterAsync(int times)
    {
        var letter = Letters.RequireInbound();
        var views = await FindAsync(SutDirection.Inbound, Key(letter)).ConfigureAwait(false);
        if (views.Count != times)
        {
            throw Verdict.Fail($"The system must hold letter {letter.LetterId} {times} time(s).", times.ToString(System.Globalization.CultureInfo.InvariantCulture), views.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Verdict.Pass($"The system holds letter {letter.LetterId} {times} time(s).");
    }

    /// <param name="why">The sentence the failure states; by default the empty-queue one (D1).</param>
    public async Task InboundCountUnchangedAsync(int before, string why = "An empty queue must not create an inbound record.")
    {
        var now = await CountAsync(SutDirection.Inbound).ConfigureAwait(false);
        if (now != before)
        {
            throw Verdict.Fail(why, before.ToString(System.Globalization.CultureInfo.InvariantCulture), now.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Verdict.Pass("No inbound record was created.");
    }

    /// <summary>The SUT's notifier of <paramref name="kind"/> about the received letter, echoing its keys and subject.</summary>
    public async Task<JournalEntry> SendsNotifierEchoingAsync(NotifierKind kind)
    {
        var letter = Letters.RequireInbound();
        var entry = await hub.WaitForSutAsync(e => e.Request is SendNotifierRequest n && n.Notifier.Kind == kind && n.Notifier.LetterId == letter.LetterId,
            $"a {kind.ElementName()} for letter {letter.LetterId}").ConfigureAwait(false);
        var notifier = ((SendNotifierRequest)entry.Request!).Notifier;
        if (notifier.CorrespondenceDate == letter.CorrespondenceDate && notifier.Subject != letter.Subject)
        {
            Verdict.Warn($"The {kind.ElementName()} should echo the letter's subject exactly; peers match notifiers on it (R-NTF-ECHO).", letter.Subject, notifier.Subject, evidence: harness.Ref(entry));
        }
        else if (notifier.CorrespondenceDate != letter.CorrespondenceDate)
        {
            throw Verdict.Fail($"The {kind.ElementName()} must echo the letter's number, date and subject (R-NTF-ECHO).",
                $"{letter.LetterId} | {letter.CorrespondenceDate} | {letter.Subject}", $"{notifier.LetterId} | {notifier.CorrespondenceDate} | {notifier.Subject}", evidence: harness.Ref(entry));
        }

        hub.FailOnFindings([entry], "R-NTF-1", "R-NTF-ECHO", "R-NTF-ROLE");
        Verdict.Pass($"{kind.ElementName()} echoes the letter.", harness.Ref(entry));
        return entry;
    }

    public void NotifierAddressedAndPosted(JournalEntry entry)
    {
        var expected = hub.Hub.EndpointOf(Letters.RequireInbound().Sender.OrganizationId).AbsoluteUri;
        if (!Hub.WireView.SameUrl(entry.Request?.Header.To, expected) || entry.OrganizationId != hub.Sut)
        {
            throw Verdict.Fail("A notifier is POSTed to the system's own endpoint with wsa:To naming the sender's endpoint (R-ENV-3).", expected,
                $"posted to {entry.Path}, wsa:To {entry.Request?.Header.To}", evidence: harness.Ref(entry));
        }

        Verdict.Pass("Addressed to the sender, posted to the own endpoint.", harness.Ref(entry));
    }

    public void HubAcceptedNotifier(JournalEntry entry)
    {
        if (entry.Outcome != ExchangeOutcome.Accepted)
        {
            throw Verdict.Fail("The hub must accept the notifier.", "accepted", entry.ToString(), entry.Findings, harness.Ref(entry));
        }

        Verdict.Pass("The hub accepted the notifier.", harness.Ref(entry));
    }

    private SutActionResult LastSendResult => Letters.CurrentOutbound?.Result ?? throw new InvalidOperationException("No letter was sent in this scenario.");

    private static SutLetterKey Key(Letter letter) => new(letter.Sender.OrganizationId, letter.LetterId, letter.CorrespondenceDate);

    private async Task<SutLetterView> SingleAsync(SutDirection direction, SutLetterKey key)
    {
        var views = await FindAsync(direction, key).ConfigureAwait(false);
        return views.Count switch
        {
            0 => throw Verdict.Fail($"The system does not list letter {key} in its {direction.ToString().ToLowerInvariant()} register.", "listed once", "not listed"),
            _ => views[^1],
        };
    }

    private static void Compare(List<string> problems, string field, string expected, string? actual)
    {
        if (!string.Equals(expected, actual, StringComparison.Ordinal))
        {
            problems.Add($"{field} \"{actual}\" instead of \"{expected}\"");
        }
    }
}
