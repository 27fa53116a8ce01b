using System.Globalization;
using ECms.Conformance.Steps.Drivers.Hub;
using ECms.Conformance.Steps.Drivers.Letters;
using ECms.Conformance.Steps.Drivers.Operators;
using ECms.Conformance.Steps.Drivers.Peer;
using ECms.Conformance.Steps.Drivers.Sut;
using ECms.Conformance.Steps.Verdicts;
using ECms.Protocol;
using ECms.Protocol.Messages;
using ECms.Simulators.Journal;

namespace ECms.Conformance.Steps.Drivers;

/// <summary>
/// The multi-party moves the checklist names in one sentence ("the peer agency has registered a standard letter
/// from the system under test"), composed from the operator, peer and hub drivers, and the checks that need all three.
/// </summary>
public sealed class ExchangeFlows(ScenarioHarness harness, OperatorDriver sut, PeerDriver peer, HubDriver hub)
{
    private ScenarioVerdict Verdict => harness.Verdict;

    private ScenarioLetters Letters => harness.Letters;

    private string Peer => harness.Profile.PeerOrganizationId;

    /// <summary>Letters of the B4/B4-like cases: the last SUT send of the current letter, waiting until it arrived.</summary>
    public async Task<JournalEntry> CurrentSendAsync() =>
        hub.LastSendOf(Letters.RequireOutbound().Key.LetterId)
        ?? await hub.WaitForSutAsync(e => e.Request is SendLetterRequest s && s.Letter.LetterId == Letters.RequireOutbound().Key.LetterId, "the letter").ConfigureAwait(false);

    public async Task<Letter> SentLetterAsync() => ((SendLetterRequest)(await CurrentSendAsync().ConfigureAwait(false)).Request!).Letter;

    public async Task ReceivedLetterAsync(Func<Letter, Letter>? shape = null)
    {
        await peer.SendToSutAsync(shape).ConfigureAwait(false);
        await sut.PollAsync().ConfigureAwait(false);
        await sut.StoresReceivedLetterAsync(deleted: false).ConfigureAwait(false);
    }

    public async Task ReceivedAndAcknowledgedAsync()
    {
        await ReceivedLetterAsync().ConfigureAwait(false);
        await SutDidAsync(SutLetterAction.Acknowledge).ConfigureAwait(false);
    }

    public async Task SutRegisteredAsync()
    {
        await ReceivedAndAcknowledgedAsync().ConfigureAwait(false);
        await SutDidAsync(SutLetterAction.Register).ConfigureAwait(false);
    }

    public async Task SutRejectedAsync()
    {
        await ReceivedLetterAsync().ConfigureAwait(false);
        await SutDidAsync(SutLetterAction.Reject).ConfigureAwait(false);
    }

    /// <summary>
    /// A set-up step the SUT itself must perform ("has registered a letter"): if it cannot, the item fails on the SUT,
    /// not on the harness (Error is only for the harness breaking).
    /// </summary>
    private async Task SutDidAsync(SutLetterAction action)
    {
        var result = await sut.ActOnReceivedAsync(action, mustSucceed: true).ConfigureAwait(false);
        if (!result.IsDone)
        {
            throw Verdict.Fail($"The system under test could not {ControlApiSutDriver.ActionName(action)} the received letter, which this item needs: {result}.", "done", result.ToString(),
                evidence: hub.Refs(hub.SutEntries().Where(e => e.Outcome != ExchangeOutcome.Accepted)));
        }
    }

    public Task PeerRegisteredSutLetterAsync() => PeerRegisteredSutLetterAsync(null);

    private async Task PeerRegisteredSutLetterAsync(Func<LetterRequest, LetterRequest>? shape)
    {
        await sut.HasSentStandardAsync(shape).ConfigureAwait(false);
        await peer.PullsSutLetterAsync().ConfigureAwait(false);
        await peer.NotifyAsync(NotifierKind.ReceiveLetter).ConfigureAwait(false);
        await peer.NotifyAsync(NotifierKind.AcceptLetter).ConfigureAwait(false);
        await sut.PollAsync().ConfigureAwait(false);
    }

    public async Task PeerRejectedSutLetterAsync()
    {
        await sut.HasSentStandardAsync().ConfigureAwait(false);
        await peer.PullsSutLetterAsync().ConfigureAwait(false);
        await peer.NotifyAsync(NotifierKind.RejectLetter).ConfigureAwait(false);
        await sut.PollAsync().ConfigureAwait(false);
    }

    /// <summary>Traffic for the passive checks of group E when they run alone: a full exchange in each role.</summary>
    public async Task CompleteExchangeEachRoleAsync()
    {
        if (harness.Session.BackgroundExchangeDone)
        {
            Verdict.Note("The run's background exchange in each role already took place; group E judges the traffic of the whole run.");
            Verdict.Cite(harness.Session.BackgroundExchangeEvidence);
            return;
        }

        harness.Session.BackgroundExchangeDone = true;
        // Only traffic is wanted here: what goes wrong in it is judged by the items about it, not by group E.
        using (Verdict.Probing())
        {
            // An "&" in both letters, so that E7 (escaping) has something to judge even when it runs alone.
            var parts = new Func<Task>[]
            {
                () => PeerRegisteredSutLetterAsync(l => l with { Subject = l.Subject + " & ติดตามผล" }),
                async () =>
                {
                    await ReceivedLetterAsync(l => l with { Subject = l.Subject + " & ติดตามผล" }).ConfigureAwait(false);
                    await SutDidAsync(SutLetterAction.Acknowledge).ConfigureAwait(false);
                    await SutDidAsync(SutLetterAction.Register).ConfigureAwait(false);
                },
                () => peer.ProcessAsync(),
            };
            foreach (var part in parts)
            {
                try
                {
                    await part().ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    Verdict.Note($"The background exchange stopped early ({ex.Message}); group E judges the traffic there is.");
                }
            }
        }

        harness.Session.BackgroundExchangeEvidence = Verdict.Evidence;
    }

    public async Task SendClassifiedAsync(string secretLabel, string speedLabel)
    {
        var lists = harness.Session.Hub.Options.CodeLists;
        var secret = lists.SecretCodes.FirstOrDefault(c => c.Description == secretLabel)?.Value ?? throw Verdict.Error($"\"{secretLabel}\" is not a secret level the hub serves.");
        var speed = lists.SpeedCodes.FirstOrDefault(c => c.Description == speedLabel)?.Value ?? throw Verdict.Error($"\"{speedLabel}\" is not a speed level the hub serves.");
        var letter = Letters.Standard(Peer) with
        {
            SecretCode = secret,
            SpeedCode = speed,
            ForOperator = new OperatorHints { SecretLabel = secretLabel, SpeedLabel = speedLabel },
        };
        await sut.SendAsync(letter, mustSucceed: true).ConfigureAwait(false);
    }

    public async Task SendDatedAsync(string buddhistEraDate)
    {
        var date = ThaiShortDate.Parse(buddhistEraDate);
        var letter = Letters.Standard(Peer) with
        {
            CorrespondenceDate = WireFormats.FormatDate(date),
            ForOperator = new OperatorHints { DateAsTyped = buddhistEraDate },
        };
        await sut.SendAsync(letter, mustSucceed: true).ConfigureAwait(false);
    }

    public Task SendFullLetterAsync()
    {
        var letter = Letters.Standard(Peer);
        var full = letter with
        {
            AttachmentText = "สิ่งที่ส่งมาด้วย ๓ รายการ: รายงาน แบบฟอร์ม และภาพถ่าย",
            References =
            [
                new LetterReferenceInput("ทส 9901.3/1001", "2024-05-20", "การจัดทำรายงานประจำปี"),
                // No "&": C2 judges order and bytes; escaping is A2's and E7's.
                new LetterReferenceInput("ทส 9901.3/1002", "2024-05-27", "การประชุมคณะทำงานและติดตามผล"),
            ],
            Attachments =
            [
                LetterFile.From("report.pdf", "application/pdf", TestFiles.Pdf("รายงาน " + letter.LetterId)),
                LetterFile.From("form.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", TestFiles.Docx(letter.LetterId)),
                LetterFile.From("photo.jpg", "image/jpeg", TestFiles.Jpeg(letter.LetterId)),
            ],
        };
        return sut.SendAsync(full, mustSucceed: true);
    }

    public async Task ReferencesInOrderAsync()
    {
        var sent = await SentLetterAsync().ConfigureAwait(false);
        var expected = Letters.RequireOutbound().Request.References.Select(r => $"{r.LetterId}|{r.CorrespondenceDate}|{r.Subject}");
        var actual = sent.References.Where(r => !r.IsPlaceholder).Select(r => $"{r.LetterId}|{r.CorrespondenceDate}|{r.Subject}");
        Same("The references must appear in the operator's order (R-SEND-REF).", expected, actual);
    }

    public async Task EnclosuresInOrderAsync()
    {
        var sent = await SentLetterAsync().ConfigureAwait(false);
        Same("The enclosures must appear in the operator's order with their MIME types (R-SEND-ATT).",
            Letters.RequireOutbound().Request.Attachments.Select(a => a.MimeType), sent.Attachments.Where(a => !a.IsPlaceholder).Select(a => a.MimeCode));
    }

    public async Task FilesExactAsync()
    {
        var sent = await SentLetterAsync().ConfigureAwait(false);
        var request = Letters.RequireOutbound().Request;
        var expected = new[] { request.MainLetter }.Concat(request.Attachments).OfType<LetterFile>().Select(f => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(f.Bytes)));
        var actual = new[] { sent.MainLetter }.Concat(sent.Attachments).OfType<BinaryDocument>().Where(d => !d.IsPlaceholder).Select(d => d.Inspect().Sha256);
        Same("Every file must decode to exactly the bytes attached (SHA-256).", expected, actual);
    }

    public async Task CodesAsync(string secret, string speed)
    {
        var sent = await SentLetterAsync().ConfigureAwait(false);
        Same("SecretCode and SpeedCode must be the 3-digit codes of §8.2 (R-SEND-5, R-SEND-6).", [secret, speed], [sent.SecretCode, sent.SpeedCode]);
    }

    public async Task CorrespondenceDateAsync(string expected)
    {
        var sent = await SentLetterAsync().ConfigureAwait(false);
        Same("CorrespondenceDate must be the Gregorian yyyy-MM-dd of the date typed in the Buddhist era (R-SEND-3).", [expected], [sent.CorrespondenceDate]);
    }

    public async Task SendDateCloseAsync()
    {
        var entry = await CurrentSendAsync().ConfigureAwait(false);
        var sendDate = ((SendLetterRequest)entry.Request!).Letter.SendDate;
        if (!WireFormats.TryParseDateTime(sendDate, out var sent) || sent.Year >= 2400)
        {
            throw Verdict.Fail("SendDate must be a Gregorian yyyy-MM-ddTHH:mm:ss (R-SEND-9).", "yyyy-MM-ddTHH:mm:ss", sendDate, evidence: harness.Ref(entry));
        }

        var thaiNow = entry.ReceivedAt.ToOffset(WireFormats.ThailandOffset).DateTime;
        if (Math.Abs((sent - thaiNow).TotalMinutes) > 15)
        {
            Verdict.Warn("SendDate should be the Thai local time of sending.", thaiNow.ToString("s", CultureInfo.InvariantCulture), sendDate, evidence: harness.Ref(entry));
            return;
        }

        Verdict.Pass($"SendDate {sendDate} is the time of sending.", harness.Ref(entry));
    }

    public Task TrySendWithoutCoverAsync() => sut.SendAsync(Letters.Standard(Peer) with { MainLetter = null }, mustSucceed: false);

    public Task TrySendWithBadCoverAsync(string kind)
    {
        var letter = Letters.Standard(Peer);
        var cover = kind.Contains("text file", StringComparison.Ordinal)
            ? LetterFile.From("cover.pdf", "application/pdf", TestFiles.TextRenamedToPdf(letter.LetterId))
            : LetterFile.From("cover.pdf", "application/pdf", []);
        return sut.SendAsync(letter with { MainLetter = cover }, mustSucceed: false);
    }

    public Task TrySendWebPAsync()
    {
        var letter = Letters.Standard(Peer);
        return sut.SendAsync(letter with { Attachments = [LetterFile.From("photo.webp", "image/webp", TestFiles.WebP(letter.LetterId))] }, mustSucceed: false);
    }

    public void NoWebPAccepted()
    {
        // By its content too: a WebP declared as a served type (image/jpeg) slipped past the restriction just the same.
        var accepted = hub.SutEntries().Where(e => e.Outcome == ExchangeOutcome.Accepted && e.Request is SendLetterRequest s && s.Letter.Attachments.Any(IsWebP)).ToArray();
        if (accepted.Length > 0)
        {
            throw Verdict.Fail("The hub accepted a letter with a WebP enclosure, a file type it does not serve, whatever mimeCode it was declared with (R-DIR-2, R-SEND-ATT).",
                "none", accepted.Length.ToString(CultureInfo.InvariantCulture), evidence: hub.Refs(accepted));
        }

        Verdict.Pass("No WebP letter was accepted.");
    }

    /// <summary>Declared image/webp, or WebP content whatever its mimeCode.</summary>
    private static bool IsWebP(BinaryDocument file) =>
        file.MimeCode.Split(';', 2)[0].Trim().Equals("image/webp", StringComparison.OrdinalIgnoreCase) || file.Inspect().LooksLikeWebP;

    public void RequireNotServed(string contentType)
    {
        if (harness.Session.CurrentHub.Options.CodeLists.IsAllowedContentType(contentType))
        {
            throw Verdict.Error($"The hub serves {contentType}; B4 needs a type it does not serve.");
        }

        Verdict.Pass($"The hub's MIME list does not include {contentType}.");
    }

    public Task<JournalEntry> RequestedAsync(Operation operation) => hub.WaitForSutAsync(e => e.Operation == operation, $"a {operation} request");

    public async Task AddressedFromDirectoryAsync()
    {
        var entry = await CurrentSendAsync().ConfigureAwait(false);
        var info = harness.Session.CurrentHub.Directory.Find(Peer)!;
        var letter = ((SendLetterRequest)entry.Request!).Letter;
        if (!WireView.SameUrl(entry.Request!.Header.To, info.EcmsUrl) || letter.Receiver.OrganizationId != info.OrganizationId)
        {
            throw Verdict.Fail("The letter must use the ECMS-URL and OrganizationID from GetOrganizationList (R-DIR-1).", $"{info.EcmsUrl} / {info.OrganizationId}",
                $"{entry.Request.Header.To} / {letter.Receiver.OrganizationId}", evidence: harness.Ref(entry));
        }

        Verdict.Pass("Addressed from the directory.", harness.Ref(entry));
    }

    public async Task MinistryCodesAsync()
    {
        var letter = await SentLetterAsync().ConfigureAwait(false);
        Same("MinistryOrganization/ID must be the first two digits of the organisation code (R-SEND-7).",
            [Party.MinistryOf(letter.Sender.OrganizationId), Party.MinistryOf(letter.Receiver.OrganizationId)], [letter.Sender.MinistryId, letter.Receiver.MinistryId]);
    }

    public void ServedCodesOnly()
    {
        var lists = harness.Session.CurrentHub.Options.CodeLists;
        hub.EveryRequest(hub.SutEntries().Where(e => e.Request is SendLetterRequest).ToArray(), e =>
        {
            var letter = ((SendLetterRequest)e.Request!).Letter;
            return lists.IsSecretCode(letter.SecretCode) && lists.IsSpeedCode(letter.SpeedCode) ? null : $"{letter.SecretCode}/{letter.SpeedCode}";
        }, "secret and speed codes from the served lists (R-DIR-2)");
    }

    public async Task ExactlyOneLetterToPeerAsync()
    {
        var letter = Letters.RequireOutbound();
        var entry = await sut.HubAcceptedAsync(letter).ConfigureAwait(false);
        var sends = hub.SendsOf(letter.Key.LetterId);
        if (sends.Count != 1)
        {
            throw Verdict.Fail("Exactly one letter must reach the hub.", "1", sends.Count.ToString(CultureInfo.InvariantCulture), evidence: hub.Refs(sends));
        }

        Verdict.Pass("One letter reached the hub.", harness.Ref(entry));
    }

    public async Task LetterBreaksNoMustRuleAsync() => hub.FailOnFindings([await CurrentSendAsync().ConfigureAwait(false)], null);

    public async Task ToIsPeerAsync()
    {
        var entry = await CurrentSendAsync().ConfigureAwait(false);
        var expected = harness.Session.CurrentHub.EndpointOf(Peer).AbsoluteUri;
        if (!WireView.SameUrl(entry.Request?.Header.To, expected))
        {
            throw Verdict.Fail("wsa:To of a letter must be the receiver's endpoint (R-ENV-3).", expected, entry.Request?.Header.To, evidence: harness.Ref(entry));
        }

        Verdict.Pass("wsa:To is the peer agency's endpoint.", harness.Ref(entry));
    }

    public async Task ReceiverIsPeerAsync()
    {
        var letter = await SentLetterAsync().ConfigureAwait(false);
        Same("ReceiverParty/DepartmentOrganization/ID must be the receiver's code.", [Peer], [letter.Receiver.OrganizationId]);
    }

    public Task TrySendToAsync(string organizationId) => sut.SendAsync(Letters.Standard(organizationId), mustSucceed: false);

    public Task TrySendDuplicateAsync()
    {
        var original = Letters.RequireOutbound().Request;
        return sut.SendAsync(original with { Subject = original.Subject + " (ฉบับที่สอง)", MainLetter = LetterFile.From("cover.pdf", "application/pdf", TestFiles.Pdf("second")) }, mustSucceed: false);
    }

    public async Task SendCircularAsync()
    {
        var letter = Letters.Standard(Peer);
        await sut.SendAsync(letter, mustSucceed: true).ConfigureAwait(false);
        await sut.SendAsync(letter with { ReceiverOrganizationId = harness.Profile.SecondPeerOrganizationId }, mustSucceed: true).ConfigureAwait(false);
    }

    public async Task OneLetterPerReceiverAsync()
    {
        var sends = hub.SutEntries().Where(e => e.Operation == Operation.SendLetter && e.Outcome == ExchangeOutcome.Accepted).ToArray();
        var receivers = new[] { Peer, harness.Profile.SecondPeerOrganizationId };
        var problems = new List<string>();
        foreach (var receiver in receivers)
        {
            var entry = sends.FirstOrDefault(e => ((SendLetterRequest)e.Request!).Letter.Receiver.OrganizationId == receiver);
            if (entry is null || !WireView.SameUrl(entry.Request!.Header.To, harness.Session.CurrentHub.EndpointOf(receiver).AbsoluteUri))
            {
                problems.Add($"no accepted letter to {receiver} with its own wsa:To");
            }
        }

        var processIds = sends.Select(e => (e.Response as SendLetterResponse)?.ProcessId).Distinct().Count();
        if (problems.Count > 0 || processIds < 2)
        {
            throw Verdict.Fail("A circular letter is one send per receiver, each with its own wsa:To, ReceiverParty and ProcessID (§5.1).", "2 sends", string.Join("; ", problems), evidence: hub.Refs(sends));
        }

        await Task.CompletedTask.ConfigureAwait(false);
        Verdict.Pass("One letter per receiver.", hub.Refs(sends));
    }

    public async Task BothPeersAcknowledgeAsync()
    {
        foreach (var who in new[] { peer.Peer, peer.SecondPeer })
        {
            await peer.PullsSutLetterAsync(who).ConfigureAwait(false);
            await peer.NotifyAsync(NotifierKind.ReceiveLetter, who: who).ConfigureAwait(false);
        }
    }

    public async Task ReceivedByEachAsync()
    {
        foreach (var letter in Letters.Outbound.TakeLast(2))
        {
            var views = await sut.FindAsync(SutDirection.Outbound, letter.SutKey).ConfigureAwait(false);
            if (views.Count == 0 || views[^1].Status != "received-by-peer")
            {
                throw Verdict.Fail($"The system must track the acknowledgement of {letter.Key.ReceiverOrganizationId} separately.", "received-by-peer", LastOf(views)?.Status ?? "not listed");
            }
        }

        Verdict.Pass("Each receiver's acknowledgement is tracked.");
    }

    /// <summary>The SUT pulled the peer's notifier of <paramref name="kind"/> for the current letter and deleted that queue item.</summary>
    public async Task DeletedNotifierAsync(NotifierKind kind)
    {
        var key = Letters.CurrentOutbound?.Key;
        var letterId = key?.LetterId ?? Letters.RequireInbound().LetterId;
        var pulled = await hub.WaitForSutAsync(e => e.Response is PullResponse { Item.Notifier: { } n } && n.Kind == kind && n.LetterId == letterId,
            $"a pull that returns the {kind.ElementName()} for {letterId}").ConfigureAwait(false);
        var processId = ((PullResponse)pulled.Response!).Item!.ProcessId;
        await hub.WaitForSutAsync(e => e.Request is DeleteFromQueueRequest d && d.ProcessId == processId && e.Outcome == ExchangeOutcome.Accepted,
            $"the delete of {processId}").ConfigureAwait(false);
        Verdict.Pass($"The {kind.ElementName()} was deleted with its ProcessID {processId}.");
    }

    public async Task ShowsPeerAcceptIdAsync()
    {
        var expected = peer.AcceptIds.LastOrDefault() ?? throw Verdict.Error("The peer gave no receipt number in this scenario.");
        await sut.OutboundStatusIsAsync("accepted").ConfigureAwait(false);
        await sut.ShowsAcceptIdAsync(expected).ConfigureAwait(false);
    }

    public async Task DisputeSentAsync()
    {
        var letter = peer.ReceivedFromSut();
        var entry = await hub.WaitForSutAsync(e => e.Request is SendNotifierRequest { Notifier.Kind: NotifierKind.InvalidAcceptId } n && n.Notifier.LetterId == letter.LetterId,
            $"an InvalidAcceptIDNotifier for {letter.LetterId}").ConfigureAwait(false);
        var notifier = ((SendNotifierRequest)entry.Request!).Notifier;
        Same("The wrong-receipt-number notice must echo the letter and the disputed receipt number, addressed to the receiver (R-NTF-IAC).",
            [letter.LetterId, letter.CorrespondenceDate, peer.AcceptIds.LastOrDefault() ?? "", harness.Session.CurrentHub.EndpointOf(Peer).AbsoluteUri],
            [notifier.LetterId, notifier.CorrespondenceDate, notifier.AcceptId ?? "", entry.Request.Header.To ?? ""]);
        if (notifier.Subject != letter.Subject)
        {
            Verdict.Warn("The notice should echo the letter's subject exactly (R-NTF-ECHO).", letter.Subject, notifier.Subject, evidence: harness.Ref(entry));
        }
        hub.FailOnFindings([entry], "R-NTF-ROLE", "R-NTF-IAC", "R-NTF-1");
    }

    public async Task PeerCorrectsReceiptNumberAsync()
    {
        await peer.ProcessAsync().ConfigureAwait(false);
        await peer.NotifyAsync(NotifierKind.AcceptLetter).ConfigureAwait(false);
    }

    public string InjectUnknownNotice(NotifierKind kind)
    {
        var letterId = Letters.NewLetterId() + "-ไม่มีอยู่จริง";
        var notifier = new Notifier(kind, letterId, WireFormats.FormatDate(Letters.Today), "หนังสือที่ไม่มีอยู่", kind.CarriesAcceptId() ? Letters.NewReceiptNumber() : null, null, Peer);
        UnknownNotice = (hub.Inject(notifier), notifier);
        return UnknownNotice.Value.ProcessId;
    }

    private (string ProcessId, Notifier Notifier)? UnknownNotice { get; set; }

    public async Task UnknownNoticeNotAttachedAsync()
    {
        var notice = UnknownNotice ?? throw Verdict.Error("No unknown notice was injected.");
        foreach (var letter in Letters.Outbound)
        {
            var view = LastOf(await sut.FindAsync(SutDirection.Outbound, letter.SutKey).ConfigureAwait(false));
            if (view?.AcceptId == notice.Notifier.AcceptId && view?.AcceptId is not null)
            {
                throw Verdict.Fail("The system attached a notice for an unknown letter to one of its own letters.", "not attached", $"{letter.Key.LetterId} shows {view.AcceptId}");
            }
        }

        Verdict.Pass("The unknown notice was not attached to any letter.");
    }

    public void UnknownNoticeHandled()
    {
        var notice = UnknownNotice ?? throw Verdict.Error("No unknown notice was injected.");
        var deleted = hub.SutEntries().Any(e => e.Request is DeleteFromQueueRequest d && d.ProcessId == notice.ProcessId && e.Outcome == ExchangeOutcome.Accepted);
        var later = Letters.CurrentInbound is { } letter && hub.SutEntries().Any(e => e.Response is PullResponse { Item.Letter: { } l } && l.LetterId == letter.LetterId);
        if (!deleted && !later)
        {
            throw Verdict.Fail("The system must delete (or deliberately park) a notice it cannot match, and go on with its queue (R-PULL-2).", "deleted or skipped", "the queue is stuck");
        }

        Verdict.Pass(deleted ? "The unknown notice was deleted." : "The unknown notice was kept and the queue went on.");
    }

    public async Task WithdrewFirstAsync()
    {
        var original = Letters.RequireOutbound();
        var withdraw = await hub.WaitForSutAsync(e => e.Request is WithdrawLetterRequest w && w.LetterId == original.Key.LetterId, $"the withdrawal of {original.Key.LetterId}").ConfigureAwait(false);
        var request = (WithdrawLetterRequest)withdraw.Request!;
        Same("The withdrawal must name the original letter, the date, the system's own code and the receiver's code (R-DELDOC-1).",
            [original.Key.LetterId, original.Key.CorrespondenceDate, harness.Session.SutOrganizationId, original.Key.ReceiverOrganizationId],
            [request.LetterId, request.CorrespondenceDate, request.SenderDepartmentCode, request.AcceptDepartmentCode]);
        if (withdraw.Outcome != ExchangeOutcome.Accepted)
        {
            throw Verdict.Fail("The hub must accept the withdrawal of a rejected letter.", "accepted", withdraw.ToString(), withdraw.Findings, harness.Ref(withdraw));
        }

        WithdrawSequence = withdraw.Sequence;
    }

    private long WithdrawSequence { get; set; }

    public async Task CorrectedAcceptedAsync()
    {
        var original = Letters.RequireOutbound();
        var resent = await hub.WaitForSutAsync(e => e.Request is SendLetterRequest s && s.Letter.LetterId == original.Key.LetterId && e.Outcome == ExchangeOutcome.Accepted,
            $"the corrected letter {original.Key.LetterId}, accepted", WithdrawSequence).ConfigureAwait(false);
        var first = hub.SendsOf(original.Key.LetterId).First(e => e.Outcome == ExchangeOutcome.Accepted);
        if ((resent.Response as SendLetterResponse)?.ProcessId == (first.Response as SendLetterResponse)?.ProcessId)
        {
            throw Verdict.Fail("The corrected letter must get a new ProcessID.", "a new ProcessID", "the same", evidence: [harness.Ref(first), harness.Ref(resent)]);
        }

        Verdict.Pass("The corrected letter was accepted with a new ProcessID.", harness.Ref(resent));
    }

    public void WithdrewRefusedOrE300(string code)
    {
        var letter = Letters.RequireOutbound();
        var result = letter.Result;
        var withdrew = hub.SutEntries().Any(e => e.Request is WithdrawLetterRequest w && w.LetterId == letter.Key.LetterId && e.Outcome == ExchangeOutcome.Accepted);
        if (withdrew || result.Outcome == SutOutcome.Refused || (result.Outcome == SutOutcome.HubError && result.Errors.Any(e => e.Code == code)))
        {
            Verdict.Pass($"The system {(withdrew ? "withdrew before sending" : result.ToString())}.");
            return;
        }

        throw Verdict.Fail($"A resend without withdrawal must be avoided (withdraw first), refused, or surface the hub's {code}.", $"withdrawal, refusal or {code}", result.ToString(),
            evidence: hub.Refs(hub.SendsOf(letter.Key.LetterId)));
    }

    public async Task NeverReportsRefusedAsSentAsync()
    {
        var letter = Letters.RequireOutbound();
        var last = hub.LastSendOf(letter.Key.LetterId);
        if (last is not null && last.Outcome != ExchangeOutcome.Accepted && letter.Result.IsDone)
        {
            throw Verdict.Fail("The system reported as sent a letter the hub refused.", "not reported as sent", $"done, hub: {last}", evidence: harness.Ref(last));
        }

        await Task.CompletedTask.ConfigureAwait(false);
        Verdict.Pass("The system did not report a refused letter as sent.");
    }

    public async Task<JournalEntry> CheckAcceptNotifierCarriesShownAsync()
    {
        var letter = Letters.RequireInbound();
        var entry = await hub.WaitForSutAsync(e => e.Request is SendNotifierRequest { Notifier.Kind: NotifierKind.AcceptLetter } n && n.Notifier.LetterId == letter.LetterId,
            $"an AcceptLetterNotifier for {letter.LetterId}", Letters.InboundMarks.GetValueOrDefault(letter)).ConfigureAwait(false);
        var acceptId = ((SendNotifierRequest)entry.Request!).Notifier.AcceptId;
        var shown = LastOf(await sut.FindAsync(SutDirection.Inbound, new SutLetterKey(letter.Sender.OrganizationId, letter.LetterId, letter.CorrespondenceDate)).ConfigureAwait(false))?.AcceptId;
        if (string.IsNullOrEmpty(acceptId) || acceptId != shown)
        {
            throw Verdict.Fail("The receipt-number notice must carry the register number the system shows (R-NTF-ACC).", shown ?? "(none shown)", acceptId ?? "(none)", entry.Findings, harness.Ref(entry));
        }

        hub.FailOnFindings([entry], "R-NTF-1", "R-NTF-ACC");
        if (entry.Outcome != ExchangeOutcome.Accepted)
        {
            throw Verdict.Fail("The hub must accept the receipt-number notice.", "accepted", entry.ToString(), entry.Findings, harness.Ref(entry));
        }

        Verdict.Pass($"Receipt number {acceptId} sent as shown.", harness.Ref(entry));
        return entry;
    }

    public void NoAcceptNotifierAccepted(string? withNumber)
    {
        var letter = Letters.RequireInbound();
        var accepted = hub.SutEntries().Where(e => e.Outcome == ExchangeOutcome.Accepted && e.Request is SendNotifierRequest { Notifier.Kind: NotifierKind.AcceptLetter } n
            && n.Notifier.LetterId == letter.LetterId && (withNumber is null || n.Notifier.AcceptId == withNumber)).ToArray();
        if (accepted.Length > 0)
        {
            throw Verdict.Fail($"No receipt-number notice{(withNumber is null ? "" : $" with {withNumber}")} may be accepted for {letter.LetterId}.", "none",
                accepted.Length.ToString(CultureInfo.InvariantCulture), evidence: hub.Refs(accepted));
        }

        Verdict.Pass("No such receipt-number notice was accepted.");
    }

    public Task TryRegisterWithEarlierNumberAsync() =>
        sut.ActOnReceivedAsync(SutLetterAction.Register, mustSucceed: false,
            acceptId: Letters.SutAcceptIds.FirstOrDefault() ?? throw Verdict.Fail("The system under test reported no receipt number for the earlier letter, so there is none to reuse.", "a receipt number", "none"));

    public async Task DifferentReceiptNumberAsync()
    {
        var letter = Letters.RequireInbound();
        var notices = hub.SutEntries().Where(e => e.Request is SendNotifierRequest { Notifier.Kind: NotifierKind.AcceptLetter } n && n.Notifier.LetterId == letter.LetterId)
            .Select(e => ((SendNotifierRequest)e.Request!).Notifier.AcceptId).ToArray();
        if (notices.Length < 2 || notices[^1] == notices[^2])
        {
            throw Verdict.Fail("The corrected receipt-number notice must carry a different receipt number.", "two different numbers", string.Join(", ", notices));
        }

        await Task.CompletedTask.ConfigureAwait(false);
        Verdict.Pass($"Corrected from {notices[^2]} to {notices[^1]}.");
    }

    public async Task FillMixedQueueAsync()
    {
        var before = harness.Session.CurrentHub.QueueOf(harness.Session.SutOrganizationId).Select(q => q.ProcessId).ToHashSet();
        // Letters travel over the wire; the two notifiers are placed directly so the item does not depend on the SUT's sending.
        await peer.SendToSutAsync().ConfigureAwait(false);
        InjectUnknownNotice(NotifierKind.ReceiveLetter);
        await peer.SendToSutAsync().ConfigureAwait(false);
        InjectUnknownNotice(NotifierKind.RejectLetter);
        Injected = harness.Session.CurrentHub.QueueOf(harness.Session.SutOrganizationId).Select(q => q.ProcessId).Where(p => !before.Contains(p)).ToArray();
    }

    public IReadOnlyList<string> Injected { get; private set; } = [];

    public Task SendUnusualAsync() => peer.SendToSutAsync(letter => letter with
    {
        Subject = string.Concat(Enumerable.Repeat("ขอเชิญประชุม", 25)).PadRight(250, 'ก')[..250],
        Receiver = letter.Receiver with { GivenName = "", FamilyName = "", JobTitle = "" },
        References = [new LetterReference("", "", "")],
        SendDate = WireFormats.FormatDate(Letters.Today),
        Attachments = [new BinaryDocument("", ""), BinaryDocument.FromBytes("application/pdf", BigPdf())],
    });

    public async Task SubjectUnchangedAsync()
    {
        var letter = Letters.RequireInbound();
        var view = LastOf(await sut.FindAsync(SutDirection.Inbound, new SutLetterKey(letter.Sender.OrganizationId, letter.LetterId, letter.CorrespondenceDate)).ConfigureAwait(false));
        Same("The 250-character subject must be stored unchanged.", [letter.Subject], [view?.Subject ?? ""]);
    }

    public async Task PlaceholdersIgnoredAsync()
    {
        var letter = Letters.RequireInbound();
        var view = LastOf(await sut.FindAsync(SutDirection.Inbound, new SutLetterKey(letter.Sender.OrganizationId, letter.LetterId, letter.CorrespondenceDate)).ConfigureAwait(false));
        if (view is null || view.Attachments.Count != 1 || view.References.Count != 0)
        {
            throw Verdict.Fail("Placeholder references and enclosures must be ignored, the real enclosure kept (§3.1, R-SEND-ATT).", "1 enclosure, 0 references",
                $"{view?.Attachments.Count} enclosure(s), {view?.References.Count} reference(s)");
        }

        // Kept means kept whole: a count alone passes a system that cuts or re-encodes the 15 MB enclosure.
        var real = letter.Attachments.Single(a => !a.IsPlaceholder).Inspect();
        var kept = view.Attachments[0];
        if (kept.Sha256 is null)
        {
            Verdict.Note("The system under test shows no SHA-256 for the kept enclosure, so its bytes were not compared.");
        }
        else if (!string.Equals(kept.Sha256, real.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw Verdict.Fail("The real enclosure must be stored byte for byte, whatever its size (§3.1, R-SEND-ATT).",
                $"{real.DecodedLength} bytes, SHA-256 {real.Sha256}", $"{kept.Size} bytes, SHA-256 {kept.Sha256}");
        }

        Verdict.Pass("Placeholders ignored; the real enclosure stored byte for byte.");
    }

    public void InjectBadEnclosure(string problem)
    {
        var letterId = Letters.NewLetterId();
        var letter = peer.Peer.ComposeLetter(harness.Session.SutOrganizationId, letterId, $"หนังสือที่มีสิ่งที่ส่งมาด้วยเสีย ({letterId})",
            null, BinaryDocument.FromBytes("application/pdf", TestFiles.Pdf(letterId)),
            problem.Contains("base64", StringComparison.Ordinal) ? new BinaryDocument("application/pdf", "@@not-base64@@") : BinaryDocument.FromBytes("application/x-unknown", TestFiles.Docx(letterId)));
        var mark = harness.Session.Mark;
        BadLetterProcessId = hub.Inject(letter);
        Letters.AddInbound(letter, mark);
    }

    private string? BadLetterProcessId { get; set; }

    /// <summary>D3: a letter just over the SUT's storage limit, placed in its queue, so that storing it fails.</summary>
    public void InjectTooLargeToStore()
    {
        if (harness.Session.Sut.MaxInboundLetterBytes is not { } limit)
        {
            Verdict.Note("The system under test declares no storage limit, so D3 relies on the failed delete alone (the checklist's fallback).");
            return;
        }

        var letterId = Letters.NewLetterId();
        var big = new byte[limit + (1024 * 1024)];
        TestFiles.Pdf("oversized enclosure " + letterId).CopyTo(big, 0);
        var letter = peer.Peer.ComposeLetter(harness.Session.SutOrganizationId, letterId, $"หนังสือที่ใหญ่เกินกว่าระบบจะจัดเก็บได้ ({letterId})",
            null, BinaryDocument.FromBytes("application/pdf", TestFiles.Pdf(letterId)), BinaryDocument.FromBytes("application/pdf", big));
        Unstorable = (hub.Inject(letter), letter);
    }

    private (string ProcessId, Letter Letter)? Unstorable { get; set; }

    /// <summary>R-PULL-3 (SHOULD): an item the SUT could not store must stay in its queue; deleting it loses the letter.</summary>
    public async Task NoDeleteOfUnstoredAsync()
    {
        if (Unstorable is not { } unstorable)
        {
            Verdict.Pass("No oversized letter was placed (the SUT's storage limit is unknown).");
            return;
        }

        await hub.WaitForSutAsync(e => e.Response is PullResponse { Item: { } item } && item.ProcessId == unstorable.ProcessId,
            $"a pull that returns the oversized letter {unstorable.Letter.LetterId} (queue item {unstorable.ProcessId})").ConfigureAwait(false);
        var deletes = hub.SutEntries().Where(e => e.Request is DeleteFromQueueRequest d && d.ProcessId == unstorable.ProcessId).ToArray();
        if (deletes.Length == 0)
        {
            Verdict.Pass($"The system did not delete queue item {unstorable.ProcessId}, which it could not store.");
            return;
        }

        var letter = unstorable.Letter;
        var stored = await sut.FindAsync(SutDirection.Inbound, new SutLetterKey(letter.Sender.OrganizationId, letter.LetterId, letter.CorrespondenceDate)).ConfigureAwait(false);
        if (stored.Count > 0)
        {
            Verdict.Pass($"The system stored the large letter {letter.LetterId} after all, then deleted it.");
            return;
        }

        throw Verdict.FailShould($"The system deleted queue item {unstorable.ProcessId} without storing its letter {letter.LetterId}: the letter is lost (R-PULL-3, delete only after persisting).",
            "no delete for an unpersisted item", $"{deletes.Length} delete(s), letter not listed", hub.Refs(deletes));
    }

    public void BadLetterDeletedOnce()
    {
        var pulls = hub.SutEntries().Count(e => e.Response is PullResponse { Item: { } item } && item.ProcessId == BadLetterProcessId);
        var deleted = hub.SutEntries().Any(e => e.Request is DeleteFromQueueRequest d && d.ProcessId == BadLetterProcessId && e.Outcome == ExchangeOutcome.Accepted);
        if (!deleted || pulls != 1)
        {
            throw Verdict.Fail("A letter with a bad enclosure must still be deleted, once, with no re-delivery loop (R-PULL-2).", "pulled once, deleted", $"pulled {pulls}, deleted {deleted}");
        }

        Verdict.Pass("The letter was pulled once and deleted.");
    }

    public async Task StillProcessingAsync()
    {
        await peer.SendToSutAsync().ConfigureAwait(false);
        await sut.PollAsync().ConfigureAwait(false);
        await sut.StoresReceivedLetterAsync().ConfigureAwait(false);
    }

    public Task SendClassifiedToSutAsync(string secretLabel, string speedLabel)
    {
        var lists = harness.Session.CurrentHub.Options.CodeLists;
        var secret = lists.SecretCodes.First(c => c.Description == secretLabel).Value;
        var speed = lists.SpeedCodes.First(c => c.Description == speedLabel).Value;
        return peer.SendToSutAsync(l => l with { SecretCode = secret, SpeedCode = speed });
    }

    public Task ShowsLabelsAsync(string secretLabel, string speedLabel)
    {
        var lists = harness.Session.CurrentHub.Options.CodeLists;
        return sut.InboundCodesAsync(lists.SecretCodes.First(c => c.Description == secretLabel).Value, lists.SpeedCodes.First(c => c.Description == speedLabel).Value);
    }

    public async Task AskOperatorAsync(string thai, string english)
    {
        var console = harness.Session.Options.Operator ?? throw Verdict.Error("This step needs an operator, and none is attached.");
        console.Tell(new OperatorPrompt(thai, english));
        var answer = await console.AskAsync(new OperatorPrompt("ยืนยันหรือไม่ (y/n)", "Confirm (y/n)?") { QuestionId = "confirm" }, harness.Cancellation).ConfigureAwait(false);
        Verdict.Note($"Operator answered \"{english}\" with \"{answer}\".");
        if (answer is not ("y" or "Y"))
        {
            throw Verdict.Fail($"The operator did not confirm: {english}", "y", answer);
        }

        Verdict.Pass($"Confirmed by the operator: {english}");
    }

    public async Task LoadAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await sut.SendStandardAsync().ConfigureAwait(false);
            await peer.SendToSutAsync().ConfigureAwait(false);
        }

        await peer.ProcessAsync().ConfigureAwait(false);
        foreach (var letter in peer.Peer.ReceivedLetters.Where(l => Letters.Outbound.Any(o => o.Key.LetterId == l.LetterId)))
        {
            await peer.Peer.AcknowledgeAsync(letter).ConfigureAwait(false);
            await peer.Peer.RegisterAsync(letter, Letters.NewReceiptNumber()).ConfigureAwait(false);
        }

        await sut.PollAsync().ConfigureAwait(false);
        foreach (var letter in Letters.Inbound)
        {
            await sut.ActAsync(SutLetterAction.Acknowledge, new SutLetterKey(letter.Sender.OrganizationId, letter.LetterId, letter.CorrespondenceDate), true, null, null).ConfigureAwait(false);
            await sut.ActAsync(SutLetterAction.Register, new SutLetterKey(letter.Sender.OrganizationId, letter.LetterId, letter.CorrespondenceDate), true, null, null).ConfigureAwait(false);
        }

        await peer.ProcessAsync().ConfigureAwait(false);
    }

    public void AllFinal()
    {
        var hubLetters = harness.Session.CurrentHub.AllLetters();
        var keys = Letters.Outbound.Select(o => o.Key).Concat(Letters.Inbound.Select(l => l.Key)).ToArray();
        var problems = keys.Select(k => (Key: k, Found: hubLetters.Where(l => l.Key == k).ToArray()))
            .Where(x => x.Found.Length != 1 || x.Found[0].State != ECms.Protocol.Lifecycle.LetterState.Registered)
            .Select(x => $"{x.Key.LetterId}: {string.Join("/", x.Found.Select(f => f.State))}").ToArray();
        if (problems.Length > 0)
        {
            throw Verdict.Fail("Every letter must reach its final state (registered) exactly once.", "Registered ×1", string.Join("; ", problems.Take(5)));
        }

        Verdict.Pass($"{keys.Length} letters registered, each once.");
    }

    public void NoQueueLeft()
    {
        var hubNow = harness.Session.CurrentHub;
        var left = new[] { harness.Session.SutOrganizationId, Peer }.SelectMany(o => hubNow.QueueOf(o).Select(q => $"{o}:{q.ProcessId}")).ToArray();
        if (left.Length > 0)
        {
            throw Verdict.Fail("No queue item may be left undeleted.", "empty queues", string.Join(", ", left.Take(5)));
        }

        Verdict.Pass("Both queues are empty.");
    }

    public void OriginalWithdrawnResentRegistered() => hub.OriginalWithdrawnResentRegistered(Letters.RequireOutbound().Key);

    public void BothInvalidOrWithdrawn()
    {
        hub.HubLetterStates(Letters.RequireOutbound().Key, ECms.Protocol.Lifecycle.LetterState.Invalid, ECms.Protocol.Lifecycle.LetterState.Withdrawn);
        hub.HubLetterStates(Letters.RequireInbound().Key, ECms.Protocol.Lifecycle.LetterState.Invalid, ECms.Protocol.Lifecycle.LetterState.Withdrawn);
    }

    private static byte[] BigPdf()
    {
        var head = TestFiles.Pdf("large enclosure");
        var big = new byte[15 * 1024 * 1024];
        head.CopyTo(big, 0);
        return big;
    }

    private void Same(string requirement, IEnumerable<string> expected, IEnumerable<string> actual)
    {
        var e = expected.ToArray();
        var a = actual.ToArray();
        if (!e.SequenceEqual(a, StringComparer.Ordinal))
        {
            throw Verdict.Fail(requirement, string.Join(" | ", e), string.Join(" | ", a));
        }

        Verdict.Pass(requirement);
    }

    private static SutLetterView? LastOf(IReadOnlyList<SutLetterView> views) => views.Count == 0 ? null : views[^1];
}
