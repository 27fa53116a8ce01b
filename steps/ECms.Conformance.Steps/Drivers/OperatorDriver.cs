using ECms.Conformance.Steps.Drivers.Hub;
using ECms.Conformance.Steps.Drivers.Letters;
using ECms.Conformance.Steps.Drivers.Sut;
using ECms.Conformance.Steps.Verdicts;
using ECms.Protocol;
using ECms.Protocol.Messages;
using ECms.Simulators.Journal;

namespace ECms.Conformance.Steps.Drivers;

/// <summary>
/// "The operator": makes the SUT act through the profile's SUT driver (control API, embedded agency or a person) and
/// reads what the SUT shows. A SUT that stops answering turns the item into Error, never into Failed.
/// </summary>
public sealed partial class OperatorDriver(ScenarioHarness harness, HubDriver hub)
{
    private ISutDriver Sut => harness.Session.Sut;

    private ScenarioVerdict Verdict => harness.Verdict;

    private ScenarioLetters Letters => harness.Letters;

    /// <summary>The SUT's answer to the last action.</summary>
    public SutActionResult? LastResult { get; private set; }

    public string Peer => harness.Profile.PeerOrganizationId;

    public OutboundLetter CurrentOutbound => Letters.RequireOutbound();

    public LetterRequest CurrentRequest => Letters.RequireOutbound().Request;

    /// <summary>The first receipt number the SUT used in this scenario (D7's duplicate).</summary>
    public string? FirstAcceptId => Letters.SutAcceptIds.FirstOrDefault();

    public LetterRequest NewStandard(string? subject = null) => Letters.Standard(Peer, subject);

    /// <summary>The current letter as an operator corrects it: a new cover letter, a note in the description.</summary>
    public LetterRequest Corrected()
    {
        var original = Letters.RequireOutbound().Request;
        return original with
        {
            Description = original.Description + " (แก้ไขแล้ว)",
            MainLetter = LetterFile.From("cover-corrected.pdf", "application/pdf", TestFiles.Pdf(original.Subject + " (แก้ไข)")),
        };
    }

    /// <summary>The inbound count taken before the scenario's fetch: when it emptied the SUT's queue (D1), or before a malformed answer (A7).</summary>
    public int InboundCountBefore { get; private set; }

    public async Task EmptyQueueAsync()
    {
        await PollAsync().ConfigureAwait(false);
        await RememberInboundCountAsync().ConfigureAwait(false);
    }

    public async Task RememberInboundCountAsync() => InboundCountBefore = await CountAsync(SutDirection.Inbound).ConfigureAwait(false);

    public async Task<OutboundLetter> SendAsync(LetterRequest letter, bool mustSucceed)
    {
        var mark = harness.Session.Mark;
        var result = await CallAsync(ct => Sut.SendLetterAsync(letter, ct)).ConfigureAwait(false);
        var outbound = Letters.AddOutbound(letter, result, mark);
        if (mustSucceed && result.Outcome is not (SutOutcome.Done or SutOutcome.HubError))
        {
            throw Verdict.Fail($"The system under test did not send letter {letter.LetterId}: {result}.", "done", result.ToString(), evidence: hub.Refs(hub.SendsOf(letter.LetterId)));
        }

        return outbound;
    }

    public Task<OutboundLetter> SendStandardAsync(string? receiver = null) => SendAsync(Letters.Standard(receiver ?? Peer), mustSucceed: true);

    /// <summary>Sends and waits until the hub accepted it (a Given: the letter exists at the hub).</summary>
    public async Task<OutboundLetter> HasSentStandardAsync(Func<LetterRequest, LetterRequest>? shape = null)
    {
        var standard = Letters.Standard(Peer);
        var outbound = await SendAsync(shape?.Invoke(standard) ?? standard, mustSucceed: true).ConfigureAwait(false);
        await HubAcceptedAsync(outbound).ConfigureAwait(false);
        return outbound;
    }

    /// <summary>Resends the current letter exactly as it was, through the send-letter action.</summary>
    public Task<OutboundLetter> SendSameAgainAsync(bool mustSucceed) => SendAsync(Letters.RequireOutbound().Request, mustSucceed);

    public async Task PollAsync()
    {
        var from = harness.Session.Mark;
        LastResult = await CallAsync(ct => Sut.PollAsync(ct)).ConfigureAwait(false);
        if (LastResult.Outcome == SutOutcome.NotSupported)
        {
            // A SUT that polls only on its own timer: wait for its next complete cycle.
            await hub.WaitForSutAsync(e => e.Operation == Operation.Pull && e.Response is PullResponse { Item: null }, "a polling cycle that ends with an empty pull", from).ConfigureAwait(false);
        }

        harness.Session.RecordPollWindow(harness.Session.CurrentHubName, from, harness.Session.Mark);
    }

    public async Task RefreshDirectoryAsync()
    {
        LastResult = await CallAsync(ct => Sut.RefreshDirectoryAsync(ct)).ConfigureAwait(false);
        if (LastResult.Outcome is not (SutOutcome.Done or SutOutcome.NotSupported))
        {
            throw Verdict.Fail($"The system under test could not refresh its directory: {LastResult}.");
        }
    }

    public Task<SutActionResult> ActOnReceivedAsync(SutLetterAction action, bool mustSucceed, string? acceptId = null)
    {
        var letter = Letters.RequireInbound();
        return ActAsync(action, new SutLetterKey(letter.Sender.OrganizationId, letter.LetterId, letter.CorrespondenceDate), mustSucceed, acceptId, null);
    }

    public Task<SutActionResult> ActOnSentAsync(SutLetterAction action, bool mustSucceed, LetterRequest? corrected = null) =>
        ActAsync(action, Letters.RequireOutbound().SutKey, mustSucceed, null, corrected);

    public async Task<SutActionResult> ActAsync(SutLetterAction action, SutLetterKey key, bool mustSucceed, string? acceptId, LetterRequest? corrected)
    {
        LastResult = await CallAsync(ct => Sut.LetterActionAsync(action, key, acceptId, corrected, ct)).ConfigureAwait(false);
        if (action == SutLetterAction.Register && LastResult.IsDone)
        {
            Letters.SutAcceptId = LastResult.AcceptId;
            if (LastResult.AcceptId is { } accepted)
            {
                Letters.SutAcceptIds.Add(accepted);
            }
        }

        if (mustSucceed && LastResult.Outcome is not (SutOutcome.Done or SutOutcome.HubError))
        {
            throw Verdict.Fail($"The system under test did not {ControlApiSutDriver.ActionName(action)} letter {key}: {LastResult}.", "done", LastResult.ToString());
        }

        return LastResult;
    }

    public Task<IReadOnlyList<SutLetterView>> FindAsync(SutDirection direction, SutLetterKey key) => CallAsync(ct => Sut.FindLettersAsync(direction, key, ct));

    public Task<int> CountAsync(SutDirection direction) => CallAsync(ct => Sut.CountLettersAsync(direction, ct));

    public async Task<JournalEntry> HubAcceptedAsync(OutboundLetter letter)
    {
        var entry = await hub.WaitForSutAsync(
            e => e.Operation == Operation.SendLetter && e.Request is SendLetterRequest s && s.Letter.LetterId == letter.Key.LetterId && s.Letter.Receiver.OrganizationId == letter.Key.ReceiverOrganizationId,
            $"letter {letter.Key.LetterId} to {letter.Key.ReceiverOrganizationId}").ConfigureAwait(false);
        if (entry.Outcome != ExchangeOutcome.Accepted)
        {
            var later = hub.SendsOf(letter.Key.LetterId).LastOrDefault(e => e.Outcome == ExchangeOutcome.Accepted);
            if (later is null)
            {
                throw Verdict.Fail($"The hub did not accept letter {letter.Key.LetterId}: {entry}.", "accepted", entry.ToString(), entry.Findings, harness.Ref(entry));
            }

            entry = later;
        }

        Verdict.Pass($"The hub accepted letter {letter.Key.LetterId}.", harness.Ref(entry));
        return entry;
    }

    private async Task<T> CallAsync<T>(Func<CancellationToken, Task<T>> call)
    {
        try
        {
            return await call(harness.Cancellation).ConfigureAwait(false);
        }
        catch (SutUnreachableException ex)
        {
            harness.Session.SutDown = true;
            throw Verdict.Error($"The system under test stopped answering: {ex.Message}", ex);
        }
    }
}
