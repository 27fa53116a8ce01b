using System.Buffers;
using System.Runtime.InteropServices;
using ECms.Protocol;
using ECms.Protocol.Messages;
using ECms.Simulators.Hub;
using ECms.Simulators.Journal;
using ECms.Simulators.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace ECms.Simulators.Tests;

/// <summary>The journal: complete records in order, and waits that cannot miss an entry, with timeouts on the wait clock.</summary>
public class JournalTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Test]
    public async Task WaitFor_EntryArrivedBefore_ReturnsIt()
    {
        await using var rig = HubRig.Create();
        await rig.PeerA.SendLetterAsync(rig.LetterFromAToB());

        var entry = await rig.Hub.Journal.WaitForRequestAsync(HubRig.A, Operation.SendLetter, Patience);

        entry.Operation.ShouldBe(Operation.SendLetter);
        entry.Outcome.ShouldBe(ExchangeOutcome.Accepted);
    }

    [Test]
    public async Task WaitFor_EntryArrivesAfter_CompletesWithIt()
    {
        await using var rig = HubRig.Create();
        var waiting = rig.Hub.Journal.WaitForAcceptedAsync(HubRig.B, Operation.Pull, Patience);
        var completedEarly = waiting.IsCompleted;

        await rig.ClientB.PullAsync();
        var entry = await waiting;

        completedEarly.ShouldBeFalse();
        entry.OrganizationId.ShouldBe(HubRig.B);
        entry.Sequence.ShouldBe(1);
    }

    [Test]
    public async Task WaitFor_NothingArrives_TimesOutOnTheWaitClockNotTheHubClock()
    {
        var waitClock = new FakeTimeProvider(HubRig.Start);
        await using var rig = HubRig.Create(configure: o => o with { WaitTimeProvider = waitClock });
        var waiting = rig.Hub.Journal.WaitForRequestAsync(HubRig.A, Operation.SendLetter, TimeSpan.FromSeconds(30));

        rig.Clock.Advance(TimeSpan.FromHours(1));
        var afterHubClockMoved = waiting.IsCompleted;
        waitClock.Advance(TimeSpan.FromSeconds(30));
        var timeout = await Should.ThrowAsync<JournalWaitTimeoutException>(waiting);

        afterHubClockMoved.ShouldBeFalse();
        timeout.Message.ShouldStartWith("Waited 30 s for a SendLetter request from organisation 9900100000, but it did not arrive.");
        timeout.Awaited.ShouldBe("a SendLetter request from organisation 9900100000");
    }

    [Test]
    public async Task WaitFor_Timeout_NamesWhatTheJournalHolds()
    {
        var waitClock = new FakeTimeProvider(HubRig.Start);
        await using var rig = HubRig.Create(configure: o => o with { WaitTimeProvider = waitClock });
        await rig.ClientB.PullAsync();
        var waiting = rig.Hub.Journal.WaitForRequestAsync(HubRig.A, Operation.Pull, TimeSpan.FromSeconds(5));

        waitClock.Advance(TimeSpan.FromSeconds(5));
        var timeout = await Should.ThrowAsync<JournalWaitTimeoutException>(waiting);

        timeout.Message.ShouldContain("The journal holds 1 exchange(s); the latest: #1 9900200000 Pull → Accepted 200");
    }

    [Test]
    public async Task WaitFor_After_IgnoresOlderEntries()
    {
        await using var rig = HubRig.Create();
        await rig.ClientA.PullAsync();
        var mark = rig.Hub.Journal.LastSequence;

        var waiting = rig.Hub.Journal.WaitForRequestAsync(HubRig.A, Operation.Pull, Patience, after: mark);
        var completedEarly = waiting.IsCompleted;
        await rig.ClientA.PullAsync();
        var entry = await waiting;

        completedEarly.ShouldBeFalse();
        entry.Sequence.ShouldBe(2);
    }

    [Test]
    public async Task WaitFor_Cancelled_ThrowsOperationCanceled()
    {
        await using var rig = HubRig.Create();
        using var cancel = new CancellationTokenSource();
        var waiting = rig.Hub.Journal.WaitForRequestAsync(HubRig.A, Operation.Pull, Patience, cancellationToken: cancel.Token);

        await cancel.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(waiting);
    }

    [Test]
    public async Task WaitFor_PredicateThrows_FailsThatWaitOnly()
    {
        await using var rig = HubRig.Create();
        var broken = rig.Hub.Journal.WaitForAsync(_ => throw new FormatException("bad predicate"), Patience);

        var pull = await rig.ClientA.PullAsync();

        (await Should.ThrowAsync<FormatException>(broken)).Message.ShouldBe("bad predicate");
        pull.IsSuccess.ShouldBeTrue();
        rig.Hub.Journal.Count.ShouldBe(1);
    }

    [Test]
    public async Task WaitFor_ConcurrentArrivals_EveryWaiterGetsItsOwnEntry()
    {
        await using var rig = HubRig.Create();
        await rig.PeerA.RefreshDirectoryAsync();
        var ids = Enumerable.Range(1, 8).Select(i => $"ทส {i}/2567").ToArray();
        var early = ids.Take(4).Select(id => WaitForLetter(rig.Hub.Journal, id)).ToArray();

        var sends = ids.Select(id => rig.PeerA.SendLetterAsync(rig.LetterFromAToB(id))).ToArray();
        var late = ids.Skip(4).Select(id => WaitForLetter(rig.Hub.Journal, id)).ToArray();
        await Task.WhenAll(sends);
        var entries = await Task.WhenAll(early.Concat(late));

        entries.Select(e => ((SendLetterRequest)e.Request!).Letter.LetterId).ShouldBe(ids);
        rig.Hub.Journal.Entries.Select(e => e.Sequence).ShouldBe(Enumerable.Range(1, rig.Hub.Journal.Count).Select(i => (long)i));
    }

    [Test]
    public async Task Journal_WithAMemoryLimit_HoldsTheNewestAndNumbersOn()
    {
        await using var rig = HubRig.Create(configure: o => o with { MaxJournalEntriesInMemory = 10 });
        for (var i = 0; i < 25; i++)
        {
            (await rig.ClientB.PullAsync()).IsSuccess.ShouldBeTrue();
        }

        var held = rig.Hub.Journal.Entries.Select(e => e.Sequence).ToArray();
        var waited = await rig.Hub.Journal.WaitForRequestAsync(HubRig.B, Operation.Pull, Patience, after: 24);
        var next = rig.Hub.Journal.WaitForRequestAsync(HubRig.B, Operation.Pull, Patience, after: 25);
        await rig.ClientB.PullAsync();

        held.Length.ShouldBeInRange(10, 11);
        held.ShouldBe(Enumerable.Range(26 - held.Length, held.Length).Select(i => (long)i));
        rig.Hub.Journal.Find(1).ShouldBeNull();
        rig.Hub.Journal.Find(25)!.Sequence.ShouldBe(25);
        waited.Sequence.ShouldBe(25);
        (await next).Sequence.ShouldBe(26);
    }

    [Test]
    public async Task Entry_AcceptedSend_RecordsEveryPart()
    {
        await using var rig = HubRig.Create();
        await rig.PeerA.RefreshDirectoryAsync();
        var letter = rig.LetterFromAToB();
        var request = new SendLetterRequest(letter) { Header = new AddressingHeader("mid://20240611.093000000@a", rig.EndpointB.AbsoluteUri) };

        var result = await rig.ClientA.CallAsync(request);
        var entry = rig.Hub.Journal.Last!;

        entry.Sequence.ShouldBe(2);
        entry.OrganizationId.ShouldBe(HubRig.A);
        entry.Path.ShouldBe("/9900100000/ecms-ws01/service2");
        entry.HttpMethod.ShouldBe("POST");
        entry.ContentType.ShouldBe("text/xml; charset=utf-8");
        entry.RequestBody.ToArray().ShouldBe(ECms.Protocol.Wire.EcmsWriter.WriteRequest(request));
        entry.ResponseBody.ToArray().ShouldBe(result.RawResponse.ToArray());
        entry.Operation.ShouldBe(Operation.SendLetter);
        entry.Request.ShouldBeOfType<SendLetterRequest>().Letter.Subject.ShouldBe(letter.Subject);
        entry.Request!.Header.MessageId.ShouldBe("mid://20240611.093000000@a");
        entry.Response.ShouldBeOfType<SendLetterResponse>().ProcessId.ShouldBe(((SendLetterResponse)result.Response!).ProcessId);
        entry.Findings.ShouldNotContain(f => f.Level == ECms.Protocol.Rules.RuleLevel.Must);
        entry.ReceivedAt.ShouldBe(HubRig.Start);
        entry.RespondedAt.ShouldBe(HubRig.Start);
        entry.Outcome.ShouldBe(ExchangeOutcome.Accepted);
        entry.Errors.ShouldBeEmpty();
        entry.Fault.ShouldBeNull();
        entry.StatusCode.ShouldBe(200);
    }

    [Test]
    public async Task Entry_LargeLetter_KeepsOneCopyAndReadsTheModelBackOnDemand()
    {
        await using var rig = HubRig.Create();
        var file = new byte[3 * 1024 * 1024];
        new Random(3).NextBytes(file);
        var letter = rig.PeerA.ComposeLetter(HubRig.B, "ทส 3/2567", "ไฟล์ใหญ่", null, BinaryDocument.FromBytes("application/zip", file));
        (await rig.PeerA.SendLetterAsync(letter)).Expect<SendLetterResponse>();
        var send = rig.Hub.Journal.Last!;

        var pulled = (await rig.ClientB.PullAsync()).Expect<PullResponse>().Item!.Letter!;
        var pull = rig.Hub.Journal.Last!;
        GC.Collect();
        var reread = (SendLetterRequest)send.Request!;

        pulled.Attachments.Single().Decode().ShouldBe(file);
        reread.Letter.Attachments.Single().ContentBase64.Length.ShouldBe(letter.Attachments[0].ContentBase64.Length);
        MemoryMarshal.TryGetArray(send.RequestBody.First, out var request).ShouldBeTrue();
        SegmentArrays(pull.ResponseBody).ShouldContain(request.Array!);
        SegmentArrays(send.ResponseBody).ShouldContain(request.Array!);
    }

    private static Task<JournalEntry> WaitForLetter(HubJournal journal, string letterId) =>
        journal.WaitForAsync(e => e.Request is SendLetterRequest s && s.Letter.LetterId == letterId, Patience, $"letter {letterId}");

    private static List<byte[]> SegmentArrays(ReadOnlySequence<byte> body)
    {
        var arrays = new List<byte[]>();
        foreach (var segment in body)
        {
            if (MemoryMarshal.TryGetArray(segment, out var array))
            {
                arrays.Add(array.Array!);
            }
        }

        return arrays;
    }
}
