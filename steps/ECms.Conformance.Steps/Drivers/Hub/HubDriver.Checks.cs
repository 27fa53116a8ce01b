using ECms.Protocol;
using ECms.Protocol.Lifecycle;
using ECms.Protocol.Messages;
using ECms.Protocol.Rules;
using ECms.Simulators.Journal;

namespace ECms.Conformance.Steps.Drivers.Hub;

/// <summary>Checks on this scenario's exchanges (checklist A, C, D and F items).</summary>
public sealed partial class HubDriver
{
    private const string Addressing = "http://www.w3.org/2005/08/addressing";

    public void AllSutRequestsPostedToOwnEndpoint()
    {
        var entries = SutEntries();
        if (entries.Count == 0)
        {
            throw Verdict.Fail("No request of the system under test arrived at its own endpoint in this scenario.", $"requests at {Hub.EndpointOf(Sut)}", "none");
        }

        var stray = Hub.Journal.Where(e => e.Sequence > ScenarioMark && e.OrganizationId is null);
        if (stray.Count > 0)
        {
            throw Verdict.Fail($"{stray.Count} request(s) went to an endpoint the hub does not have (e.g. {stray[0].Path}).",
                $"every request at {Hub.EndpointOf(Sut).AbsolutePath}", string.Join(", ", stray.Select(e => e.Path).Distinct()), evidence: Refs(stray));
        }

        var badHttp = entries.Where(e => e.HttpMethod != "POST" || e.ContentType is null || !e.ContentType.StartsWith("text/xml", StringComparison.OrdinalIgnoreCase)).ToArray();
        if (badHttp.Length > 0)
        {
            throw Verdict.Fail("Requests must be HTTP POST with Content-Type text/xml (R-ENV-8).", "POST text/xml",
                string.Join("; ", badHttp.Select(e => $"{e.HttpMethod} {e.ContentType}")), evidence: Refs(badHttp));
        }

        FailOnFindings(entries, "R-ENV-4", "R-ENV-8");
        Verdict.Pass($"All {entries.Count} requests of the system under test were POSTed to its own endpoint.", Refs(entries));
    }

    public void NoForeignRequestAtPeerEndpoints()
    {
        var peers = new[] { Session.Profile.PeerOrganizationId, Session.Profile.SecondPeerOrganizationId };
        var foreign = ScenarioEntries().Where(e => peers.Contains(e.OrganizationId)
            && e.Request?.Header.MessageId?.EndsWith("@ecms-conformance-peer", StringComparison.Ordinal) != true).ToArray();
        if (foreign.Length > 0)
        {
            throw Verdict.Fail("A request the peer agencies did not make arrived at a peer's endpoint: the system under test called another agency's endpoint.",
                "only the peers' own requests at their endpoints", string.Join("; ", foreign.Select(e => e.ToString())), evidence: Refs(foreign));
        }

        Verdict.Pass("No request of the system under test reached a peer agency's endpoint.");
    }

    public void LetterIsSoap11WithOneBodyChild(JournalEntry send)
    {
        var envelope = WireView.Envelope(send) ?? throw Verdict.Fail("The letter is not well-formed XML.", evidence: harness.Ref(send));
        if (!envelope.IsSoap11)
        {
            throw Verdict.Fail("The letter is not in a SOAP 1.1 envelope.", "http://schemas.xmlsoap.org/soap/envelope/", envelope.EnvelopeNamespace, evidence: harness.Ref(send));
        }

        if (envelope.BodyChildren.Count != 1)
        {
            throw Verdict.Fail("The SOAP body must hold exactly one operation element.", "1", envelope.BodyChildren.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), evidence: harness.Ref(send));
        }

        Verdict.Pass("SOAP 1.1 envelope with one body child.", harness.Ref(send));
    }

    public void SubjectDecodedExactly(JournalEntry send, string typed)
    {
        var decoded = (send.Request as SendLetterRequest)?.Letter.Subject;
        if (!string.Equals(decoded, typed, StringComparison.Ordinal))
        {
            throw Verdict.Fail("The hub did not decode the subject byte for byte as the operator typed it (Thai text, Thai digits and & must survive).", typed, decoded, evidence: harness.Ref(send));
        }

        Verdict.Pass("The subject arrived intact.", harness.Ref(send));
    }

    public void AmpersandEscaped(JournalEntry send, string typed)
    {
        if (!send.RequestText.Contains(typed.Replace("&", "&amp;", StringComparison.Ordinal), StringComparison.Ordinal))
        {
            throw Verdict.Fail("The & of the subject did not arrive as &amp; (R-SEND-TXT).", "&amp;", "raw & or another form", evidence: harness.Ref(send));
        }

        Verdict.Pass("The & arrived escaped.", harness.Ref(send));
    }

    public void SutMadeRequests(int count, int operations)
    {
        var entries = SutEntries();
        var distinct = entries.Select(e => e.Operation).Distinct().Count();
        if (entries.Count < count || distinct < operations)
        {
            throw Verdict.Fail($"Expected at least {count} requests of {operations} operations to judge the headers.", $"{count} requests, {operations} operations",
                $"{entries.Count} requests, {distinct} operations", evidence: Refs(entries));
        }

        Verdict.Pass($"{entries.Count} requests of {distinct} operations captured.", Refs(entries));
    }

    public void MessageIdsPresentAndUnique()
    {
        var entries = SutEntries();
        var ids = entries.Select(e => (Entry: e, Id: WireView.Envelope(e) is { } env ? WireView.MessageIdElement(env)?.Value : null)).ToArray();
        var missing = ids.Where(x => string.IsNullOrWhiteSpace(x.Id)).Select(x => x.Entry).ToArray();
        if (missing.Length > 0)
        {
            throw Verdict.Fail("A request has no (or an empty) wsa:MessageID (R-ENV-1).", "non-empty wsa:MessageID", "missing", evidence: Refs(missing));
        }

        var repeated = ids.GroupBy(x => x.Id).Where(g => g.Count() > 1).ToArray();
        if (repeated.Length > 0)
        {
            Verdict.Warn($"wsa:MessageID is reused: {string.Join(", ", repeated.Select(g => g.Key))} (R-ENV-1 SHOULD be unique).",
                evidence: Refs(repeated.SelectMany(g => g.Select(x => x.Entry))));
            return;
        }

        Verdict.Pass("Every request carries its own wsa:MessageID.", Refs(entries));
    }

    public void ToInAddressingNamespace() => EveryRequest(SutEntries(), e =>
    {
        var to = WireView.Envelope(e) is { } env ? WireView.ToElement(env) : null;
        return to is null ? "no wsa:To"
            : to.Name.NamespaceName != Addressing || to.Name.LocalName != "To" ? $"{{{to.Name.NamespaceName}}}{to.Name.LocalName} instead of {{{Addressing}}}To"
            : null;
    }, "wsa:To in the WS-Addressing 1.0 namespace (R-ENV-2)");

    public void ToNamesTheRightEndpoint(IReadOnlyList<JournalEntry> entries) => EveryRequest(entries, e =>
    {
        var expected = WireView.ExpectedTo(Hub, Sut, e);
        var actual = e.Request?.Header.To;
        return expected is null || WireView.SameUrl(expected, actual) ? null : $"{e.Operation}: wsa:To {actual ?? "(none)"} instead of {expected}";
    }, "wsa:To naming the counterpart for letters and notifiers and the own endpoint otherwise (R-ENV-3)");

    public void WrappersUnqualified(IReadOnlyList<JournalEntry> entries) => EveryRequest(entries, e =>
    {
        var envelope = WireView.Envelope(e);
        var qualified = envelope is null ? [] : WireView.MustBeUnqualified(envelope).Where(x => x.Name.NamespaceName.Length > 0).ToArray();
        return qualified.Length == 0 ? null : $"{e.Operation}: {string.Join(", ", qualified.Take(3).Select(x => x.Name.ToString()))} must be unqualified";
    }, "unqualified operation wrappers and notifier fields (R-ENV-5)");

    public void LetterInStandardNamespaces(JournalEntry send)
    {
        var envelope = WireView.Envelope(send);
        var document = envelope?.OperationElement?.Elements().FirstOrDefault(x => x.Name.LocalName == OperationNames.GovernmentDocument);
        var wrong = document is null ? ["GovernmentDocument missing"]
            : new[] { document }.Where(d => d.Name.NamespaceName != EcmsNamespaces.GovernmentDocument).Select(d => d.Name.ToString())
                .Concat(document.Descendants().Where(d => d.Name.NamespaceName != EcmsNamespaces.ReusableAggregate && !d.Ancestors().Any(a => a.Name.LocalName == "Signature")).Select(d => d.Name.ToString()))
                .Take(5).ToArray();
        if (wrong.Length > 0)
        {
            throw Verdict.Fail("The letter must be rsm:GovernmentDocument (GovernmentDocument:1.0) with every field in the RABIE:1 namespace (R-ENV-5).",
                $"{EcmsNamespaces.GovernmentDocument} / {EcmsNamespaces.ReusableAggregate}", string.Join(", ", wrong), evidence: harness.Ref(send));
        }

        Verdict.Pass("The letter is in the GovernmentDocument and RABIE namespaces.", harness.Ref(send));
    }

    public void LetterUsesLiteralPrefixes(JournalEntry send)
    {
        var text = send.RequestText;
        if (!text.Contains("<rsm:GovernmentDocument", StringComparison.Ordinal) || !text.Contains("<ram:CorrespondenceLetter", StringComparison.Ordinal))
        {
            Verdict.Warn("The letter does not use the literal prefixes rsm and ram; peers that match prefixed names will not read it (R-ENV-6).",
                "rsm:GovernmentDocument, ram:…", "other prefixes", evidence: harness.Ref(send));
            return;
        }

        Verdict.Pass("The letter uses the prefixes rsm and ram.", harness.Ref(send));
    }

    public void ExactlyOneActiveLetter(Letters.OutboundLetter letter)
    {
        var active = Hub.AllLetters().Where(l => l.Key == letter.Key && WireView.IsActive(l)).ToArray();
        if (active.Length != 1)
        {
            throw Verdict.Fail($"Exactly one active letter {letter.Key} must exist at the hub.", "1", active.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
                evidence: Refs(SendsOf(letter.Key.LetterId)));
        }

        Verdict.Pass($"One active letter {letter.Key} at the hub.", Refs(SendsOf(letter.Key.LetterId)));
    }

    /// <summary>
    /// R-SEND-DUP after a lost answer: a duplicate refusal (E300) tells the SUT that the hub already holds the letter, so
    /// submitting it again after that is a blind duplicate. One re-send that draws the refusal is allowed: it is how a SUT
    /// settles "outcome unknown" without OutboundStatus.
    /// </summary>
    public void NoSubmissionAfterDuplicateRefusal(LetterKey key)
    {
        var sends = SendsOf(key.LetterId).Where(e => IsSendOf(e, key)).OrderBy(e => e.Arrival).ToArray();
        var refusal = sends.FirstOrDefault(e => e.Rejected && e.HasFinding("R-SEND-DUP"));
        var after = refusal is null ? [] : sends.Where(e => e.Arrival > refusal.Arrival).ToArray();
        if (after.Length > 0)
        {
            throw Verdict.Fail(
                $"The hub refused letter {key.LetterId} as a duplicate (R-SEND-DUP): it already holds it. The system submitted it {after.Length} more time(s) "
                + "instead of taking the refusal (or OutboundStatus) as the answer it lost — duplicate submissions of an active letter (R-SEND-DUP).",
                "no submission after the duplicate refusal", $"{after.Length} more submission(s)",
                after.SelectMany(e => e.Findings.Where(f => f.RuleId == "R-SEND-DUP")).ToArray(), Refs(sends));
        }

        Verdict.Pass(refusal is null
            ? $"The system submitted letter {key.LetterId} {sends.Length} time(s) and never as a duplicate."
            : $"The system stopped at the hub's duplicate refusal of letter {key.LetterId}.", Refs(sends));
    }

    /// <summary>
    /// The first exchange in which the hub told the SUT that it holds this letter: an accepted send whose answer arrived,
    /// an OutboundStatus answer that lists it, or a duplicate refusal of a re-send. Null while the SUT cannot know.
    /// </summary>
    public JournalEntry? HubToldSutItHolds(LetterKey key) => SutEntries().FirstOrDefault(e => e.Fault is null && (
        (e.Outcome == ExchangeOutcome.Accepted && IsSendOf(e, key))
        || (e.Outcome == ExchangeOutcome.Accepted && e.Response is OutboundStatusResponse status
            && status.Items.Any(i => i.LetterId == key.LetterId && !string.Equals(i.ProcessStatus, "DELETED", StringComparison.OrdinalIgnoreCase)))
        || (e.Rejected && e.HasFinding("R-SEND-DUP") && IsSendOf(e, key))));

    /// <summary>
    /// A send of this letter by number and receiver: the date on the wire is the SUT's to get right (C4), so a letter
    /// sent with a wrong date is still this letter here.
    /// </summary>
    public static bool IsSendOf(JournalEntry entry, LetterKey key) =>
        entry.Request is SendLetterRequest send && send.Letter.LetterId == key.LetterId && send.Letter.Receiver.OrganizationId == key.ReceiverOrganizationId;

    public void NoDeleteAfterMalformedAnswer()
    {
        var entries = SutEntries();
        var faulted = entries.FirstOrDefault(e => e.Operation == Operation.Pull && e.Fault is not null)
            ?? throw Verdict.Fail("The system under test did not pull while the hub answered with a malformed body.", "a pull", "none");
        var after = entries.Where(e => e.Sequence > faulted.Sequence).TakeWhile(e => !(e.Operation == Operation.Pull && e.Response is PullResponse { Item: not null })).ToArray();
        var deletes = after.Where(e => e.Operation == Operation.DeleteFromQueue).ToArray();
        if (deletes.Length > 0)
        {
            throw Verdict.Fail("The system under test sent a delete after a malformed answer, before any readable pull (R-PULL-2).", "no delete", $"{deletes.Length} delete(s)", evidence: Refs(deletes.Prepend(faulted)));
        }

        Verdict.Pass("No delete followed the malformed answer.", harness.Ref(faulted));
    }

    public void EmptyPullSent()
    {
        var pulls = SutEntries().Where(e => e.Operation == Operation.Pull).ToArray();
        if (pulls.Length == 0)
        {
            throw Verdict.Fail("The system under test did not pull its queue.", "CorrespondenceLetterInboundRequest", "none");
        }

        var notEmpty = pulls.Where(e => WireView.Envelope(e)?.OperationElement is { } op && (op.HasElements || op.Value.Trim().Length > 0)).ToArray();
        if (notEmpty.Length > 0)
        {
            throw Verdict.Fail("A pull request must be an empty CorrespondenceLetterInboundRequest (R-PULL-1).", "<CorrespondenceLetterInboundRequest/>", "with content", evidence: Refs(notEmpty));
        }

        Verdict.Pass("The pull request was empty.", Refs(pulls));
    }

    public void NoDeleteInScenario()
    {
        var deletes = SutEntries().Where(e => e.Operation == Operation.DeleteFromQueue).ToArray();
        if (deletes.Length > 0)
        {
            throw Verdict.Fail("The system under test deleted an item although its queue was empty.", "no delete", $"{deletes.Length} delete(s)", evidence: Refs(deletes));
        }

        Verdict.Pass("No delete was sent.");
    }

    public void PulledAndDeletedInOrder(IReadOnlyList<string> injected)
    {
        var entries = SutEntries();
        var pulled = entries.Where(e => e.Response is PullResponse { Item: not null }).Select(e => ((PullResponse)e.Response!).Item!.ProcessId).Distinct().ToArray();
        var deleted = entries.Where(e => e.Request is DeleteFromQueueRequest && e.Outcome == ExchangeOutcome.Accepted).Select(e => ((DeleteFromQueueRequest)e.Request!).ProcessId).ToArray();
        var expected = string.Join(", ", injected);
        if (!pulled.Where(injected.Contains).SequenceEqual(injected) || !deleted.Where(injected.Contains).SequenceEqual(injected))
        {
            throw Verdict.Fail("The system under test must pull and delete the queue items in FIFO order, each with its exact ProcessID (§5.3).", expected,
                $"pulled {string.Join(", ", pulled)}; deleted {string.Join(", ", deleted)}", evidence: Refs(entries));
        }

        Verdict.Pass($"All {injected.Count} items pulled and deleted in order.", Refs(entries));
    }

    public void LastPullFoundQueueEmpty()
    {
        var last = SutEntries().LastOrDefault(e => e.Operation == Operation.Pull);
        if (last?.Response is not PullResponse { Item: null })
        {
            throw Verdict.Fail("The polling cycle must end with a pull that finds the queue empty (R-PULL-4).", "an empty pull", last?.ToString() ?? "no pull", evidence: last is null ? [] : [harness.Ref(last)]);
        }

        Verdict.Pass("The last pull found the queue empty.", harness.Ref(last));
    }

    public void NoMustViolationInScenario()
    {
        var entries = ScenarioEntries();
        var peerViolations = entries.Where(e => e.OrganizationId != Sut && e.Findings.Any(f => f.Level == RuleLevel.Must)).ToArray();
        if (peerViolations.Length > 0)
        {
            throw Verdict.Error($"The harness's own peer broke a MUST rule: {peerViolations[0].Findings.First(f => f.Level == RuleLevel.Must)}");
        }

        FailOnFindings(SutEntries(), null);
        Verdict.Pass("No request in this scenario broke a MUST rule.", Refs(SutEntries()));
    }

    public void EveryPulledItemDeletedOnce()
    {
        var entries = ScenarioEntries();
        var problems = new List<string>();
        foreach (var group in entries.Where(e => e.Response is PullResponse { Item: not null }).GroupBy(e => (e.OrganizationId, ((PullResponse)e.Response!).Item!.ProcessId)))
        {
            var deletes = entries.Count(e => e.OrganizationId == group.Key.OrganizationId && e.Request is DeleteFromQueueRequest d && d.ProcessId == group.Key.ProcessId && e.Outcome == ExchangeOutcome.Accepted);
            if (deletes != 1)
            {
                problems.Add($"{group.Key.ProcessId} pulled by {group.Key.OrganizationId} deleted {deletes} time(s)");
            }
        }

        if (problems.Count > 0)
        {
            throw Verdict.Fail("Every queue item pulled must be deleted exactly once (R-PULL-2).", "1 delete per item", string.Join("; ", problems), evidence: Refs(entries));
        }

        Verdict.Pass("Every pulled item was deleted exactly once.");
    }

    public void HubLetterStates(ECms.Protocol.Messages.LetterKey key, params LetterState[] allowed)
    {
        var letter = Hub.AllLetters().LastOrDefault(l => l.Key == key);
        if (letter is null || !allowed.Contains(letter.State))
        {
            throw Verdict.Fail($"At the hub, letter {key} must be {string.Join(" or ", allowed)}.", string.Join("/", allowed), letter?.State.ToString() ?? "unknown");
        }

        Verdict.Pass($"At the hub, {key} is {letter.State}.");
    }

    public void OriginalWithdrawnResentRegistered(ECms.Protocol.Messages.LetterKey key)
    {
        var letters = Hub.AllLetters().Where(l => l.Key == key).ToArray();
        if (letters.Length < 2 || letters[0].State != LetterState.Withdrawn || letters[^1].State != LetterState.Registered)
        {
            throw Verdict.Fail($"The original of {key} must be withdrawn and the resent letter registered.", "Withdrawn, Registered", string.Join(", ", letters.Select(l => l.State)));
        }

        Verdict.Pass("Original withdrawn, resent letter registered.");
    }

    /// <summary>Fails on MUST findings of the given rules (all rules when null) and warns on SHOULD findings.</summary>
    public void FailOnFindings(IReadOnlyList<JournalEntry> entries, params string[]? rules) =>
        FailOnFindings(entries.Select(e => (harness.Ref(e), e)).ToArray(), rules);

    public void FailOnFindings(IReadOnlyList<(Verdicts.EvidenceRef Ref, JournalEntry Entry)> entries, params string[]? rules)
    {
        var relevant = entries
            .SelectMany(x => x.Entry.Findings.Where(f => rules is null || rules.Length == 0 || rules.Contains(f.RuleId)).Select(f => (x.Ref, Finding: f)))
            .ToArray();
        var must = relevant.Where(x => x.Finding.Level == RuleLevel.Must).ToArray();
        if (must.Length > 0)
        {
            throw Verdict.Fail($"{must.Length} finding(s) of the hub's rule engine: {string.Join(" | ", must.Take(5).Select(x => $"#{x.Ref} {x.Finding}"))}",
                "no MUST finding", $"{must.Length} MUST finding(s)", must.Select(x => x.Finding).ToArray(), must.Select(x => x.Ref).Distinct().ToArray());
        }

        // SHOULD findings are judged by the items that are about them (A4's prefixes, E10's polling), not here.
        Verdict.Cite(relevant.Select(x => x.Ref).Distinct());
    }

    public void EveryRequest(IReadOnlyList<JournalEntry> entries, Func<JournalEntry, string?> problem, string requirement) =>
        EveryRequest(entries.Select(e => (harness.Ref(e), e)).ToArray(), problem, requirement);

    public void EveryRequest(IReadOnlyList<(Verdicts.EvidenceRef Ref, JournalEntry Entry)> entries, Func<JournalEntry, string?> problem, string requirement)
    {
        var bad = entries.Select(x => (x.Ref, Problem: problem(x.Entry))).Where(x => x.Problem is not null).ToArray();
        if (bad.Length > 0)
        {
            throw Verdict.Fail($"{bad.Length} request(s) of the system under test break the requirement: {requirement}. {string.Join(" | ", bad.Take(5).Select(b => $"#{b.Ref} {b.Problem}"))}",
                requirement, string.Join(" | ", bad.Take(5).Select(b => b.Problem)), evidence: bad.Select(b => b.Ref).ToArray());
        }

        Verdict.Pass($"{entries.Count} request(s) meet: {requirement}.", entries.Select(x => x.Ref).Take(50).ToArray());
    }
}
