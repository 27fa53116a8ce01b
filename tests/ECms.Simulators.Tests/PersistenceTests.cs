using ECms.Protocol;
using ECms.Protocol.Lifecycle;
using ECms.Protocol.Messages;
using ECms.Simulators.Client;
using ECms.Simulators.Hub;
using ECms.Simulators.Persistence;
using ECms.Simulators.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ECms.Simulators.Tests;

/// <summary>
/// The hub on a SQLite file: a hub that is stopped — cleanly or as a killed process leaves it — and started again on
/// the same file has every letter, queue item, state, receipt number and agency, and carries on from there.
/// </summary>
public class PersistenceTests
{
    private const string ReceiptNumber = "รับ 2567/00042";

    [Test]
    public async Task Restart_AfterDispose_RestoresLettersQueuesStatesAndReceiptNumbers()
    {
        await using var hubs = new PersistentHubs();
        var first = hubs.StartFirst();
        var a = hubs.Peer(first, HubRig.A);
        var b = hubs.Peer(first, HubRig.B);
        var registered = a.ComposeLetter(HubRig.B, "ทส 9901.3/1", "ขอเชิญประชุม & หารือ <ด่วน>");
        var waiting = a.ComposeLetter(HubRig.C, "ทส 9901.3/2", "หนังสือที่ยังไม่มีผู้ดึง");
        (await a.SendLetterAsync(registered)).Expect<SendLetterResponse>();
        (await a.SendLetterAsync(waiting)).Expect<SendLetterResponse>();
        var pulled = (await b.PullAsync()).Expect<PullResponse>();
        (await b.DeleteAsync(pulled.Item!.ProcessId)).Expect<DeleteFromQueueResponse>();
        (await b.AcknowledgeAsync(registered)).Expect<SendNotifierResponse>();
        (await b.RegisterAsync(registered, ReceiptNumber)).Expect<SendNotifierResponse>();
        (await a.PullAsync()).Expect<PullResponse>();
        var before = first.DescribeState();
        var queueOfA = first.QueueOf(HubRig.A);
        await first.DisposeAsync();

        var second = hubs.Start();

        second.DescribeState().ShouldBe(before);
        second.Agencies.Select(x => (x.OrganizationId, x.ThaiName)).ShouldBe(
            [(HubRig.A, "หน่วยงานเอ"), (HubRig.B, "หน่วยงานบี"), (HubRig.C, "หน่วยงานซี")]);
        var letter = second.FindLetter(registered.Key)!;
        letter.State.ShouldBe(LetterState.Registered);
        letter.AcceptId.ShouldBe(ReceiptNumber);
        letter.Subject.ShouldBe("ขอเชิญประชุม & หารือ <ด่วน>");
        second.FindLetter(waiting.Key)!.State.ShouldBe(LetterState.Sent);
        second.QueueOf(HubRig.A).ShouldBe(queueOfA);
        second.QueueOf(HubRig.C).Single().Letter.ShouldBe(waiting.Key);
    }

    [Test]
    public async Task Restart_AfterAbandon_QueuedItemsAreStillDeliveredInOrder()
    {
        await using var hubs = new PersistentHubs();
        var first = hubs.StartFirst();
        var a = hubs.Peer(first, HubRig.A);
        var one = a.ComposeLetter(HubRig.B, "ทส 1", "ฉบับที่หนึ่ง");
        var two = a.ComposeLetter(HubRig.B, "ทส 2", "ฉบับที่สอง");
        (await a.SendLetterAsync(one)).Expect<SendLetterResponse>();
        (await a.SendLetterAsync(two)).Expect<SendLetterResponse>();
        var queued = first.QueueOf(HubRig.B).Select(q => q.ProcessId).ToArray();
        first.Abandon();

        var second = hubs.Start();
        var b = hubs.Peer(second, HubRig.B);
        var firstPull = (await b.PullAsync()).Expect<PullResponse>();
        (await b.DeleteAsync(firstPull.Item!.ProcessId)).Expect<DeleteFromQueueResponse>();
        var secondPull = (await b.PullAsync()).Expect<PullResponse>();

        firstPull.Item.ProcessId.ShouldBe(queued[0]);
        firstPull.Item.Letter!.Subject.ShouldBe("ฉบับที่หนึ่ง");
        secondPull.Item!.ProcessId.ShouldBe(queued[1]);
        secondPull.Item.Letter!.Subject.ShouldBe("ฉบับที่สอง");
        second.FindLetter(one.Key)!.State.ShouldBe(LetterState.Delivered);
    }

    [Test]
    public async Task Restart_LetterSentBefore_TransitionsContinueWithFreshProcessIds()
    {
        await using var hubs = new PersistentHubs();
        var first = hubs.StartFirst();
        var a = hubs.Peer(first, HubRig.A);
        var letter = a.ComposeLetter(HubRig.B, "ทส 7", "ต่อเนื่องหลังเริ่มใหม่");
        var sent = (await a.SendLetterAsync(letter)).Expect<SendLetterResponse>();
        await first.DisposeAsync();

        var second = hubs.Start();
        var b = hubs.Peer(second, HubRig.B);
        var pulled = (await b.PullAsync()).Expect<PullResponse>();
        (await b.DeleteAsync(pulled.Item!.ProcessId)).Expect<DeleteFromQueueResponse>();
        (await b.AcknowledgeAsync(letter)).Expect<SendNotifierResponse>();
        var accept = (await b.RegisterAsync(letter, ReceiptNumber)).Expect<SendNotifierResponse>();
        var duplicate = await hubs.Peer(second, HubRig.A).SendLetterAsync(letter);

        second.FindLetter(letter.Key)!.History.Select(h => h.To).ShouldBe(
            [LetterState.Sent, LetterState.Delivered, LetterState.Acknowledged, LetterState.Registered]);
        string.CompareOrdinal(accept.ProcessId[1..], sent.ProcessId[1..]).ShouldBePositive();
        second.QueueOf(HubRig.A).Select(q => q.Notifier).ShouldBe([NotifierKind.ReceiveLetter, NotifierKind.AcceptLetter]);
        duplicate.Errors.Select(e => e.Code).ShouldBe(["E300"]);
    }

    [Test]
    public async Task Commit_WhenTheStoreRefusesTheWrite_AnswersE900AndKeepsNothing()
    {
        await using var hubs = new PersistentHubs();
        var hub = hubs.StartFirst();
        var a = hubs.Peer(hub, HubRig.A);
        var letter = a.ComposeLetter(HubRig.B, "ทส 13", "เขียนไม่สำเร็จ");
        await a.RefreshDirectoryAsync();
        var before = hub.DescribeState();
        Sql(hubs.DataFile, "CREATE TRIGGER refuse BEFORE INSERT ON letters BEGIN SELECT RAISE(ABORT, 'disk full (simulated)'); END;");

        var refused = await a.SendLetterAsync(letter);

        refused.Status.ShouldBe(EcmsCallStatus.SoapFault, refused.Describe());
        refused.Errors.Select(e => e.Code).ShouldBe(["E900"]);
        hub.DescribeState().ShouldBe(before);
        hub.Journal.Last!.Outcome.ShouldBe(Journal.ExchangeOutcome.InternalError);
        Sql(hubs.DataFile, "DROP TRIGGER refuse;");
        (await a.SendLetterAsync(letter)).Expect<SendLetterResponse>();
        await hub.DisposeAsync();
        hubs.Start().AllLetters().Select(l => l.Key).ShouldBe([letter.Key]);
    }

    [Test]
    public async Task ConcurrentSends_FromThreeAgencies_AllKeptAcrossRestart()
    {
        await using var hubs = new PersistentHubs();
        var first = hubs.StartFirst();
        var senders = new[] { (HubRig.A, HubRig.B), (HubRig.B, HubRig.C), (HubRig.C, HubRig.A) };
        var peers = senders.Select(s => (Peer: hubs.Peer(first, s.Item1), To: s.Item2)).ToArray();

        await Task.WhenAll(peers.Select(p => Task.Run(async () =>
        {
            for (var n = 1; n <= 10; n++)
            {
                (await p.Peer.SendLetterAsync(p.Peer.ComposeLetter(p.To, $"ที่ {p.Peer.OrganizationId}/{n}", $"เรื่องที่ {n}"))).Expect<SendLetterResponse>();
            }
        })));
        var before = first.DescribeState();
        await first.DisposeAsync();
        var second = hubs.Start();

        second.AllLetters().Count.ShouldBe(30);
        second.DescribeState().ShouldBe(before);
        second.QueueOf(HubRig.A).Count.ShouldBe(10);
    }

    [Test]
    public async Task Journal_AfterRestart_KeepsTheExchangesOfALetter()
    {
        await using var hubs = new PersistentHubs();
        var first = hubs.StartFirst();
        var a = hubs.Peer(first, HubRig.A);
        var b = hubs.Peer(first, HubRig.B);
        var letter = a.ComposeLetter(HubRig.B, "ทส 21", "บันทึกการแลกเปลี่ยน");
        (await a.SendLetterAsync(letter)).Expect<SendLetterResponse>();
        (await a.SendLetterAsync(letter)).Errors.ShouldNotBeEmpty();
        var pulled = (await b.PullAsync()).Expect<PullResponse>();
        (await b.DeleteAsync(pulled.Item!.ProcessId)).Expect<DeleteFromQueueResponse>();
        await first.DisposeAsync();

        var second = hubs.Start();
        var exchanges = second.ExchangesOf(second.FindLetter(letter.Key)!);

        exchanges.Select(e => (e.Operation, e.Outcome)).ShouldBe([
            ("SendLetter", "Accepted"), ("SendLetter", "Rejected"), ("Pull", "Accepted"), ("DeleteFromQueue", "Accepted")]);
        WireBytes(exchanges[0].Request).ShouldContain("บันทึกการแลกเปลี่ยน");
        exchanges[1].Errors.Select(e => e.Code).ShouldBe(["E300"]);
        exchanges[1].Findings.ShouldContain(f => f.RuleId == "R-SEND-DUP");
    }

    [Test]
    public async Task Journal_BodyOverTheBound_StoredTruncatedWithItsRealLength()
    {
        await using var hubs = new PersistentHubs(o => o with { MaxStoredBodyBytes = 1024 });
        var hub = hubs.StartFirst();
        var a = hubs.Peer(hub, HubRig.A);
        var letter = a.ComposeLetter(HubRig.B, "ทส 22", "หนังสือยาว");
        (await a.SendLetterAsync(letter)).Expect<SendLetterResponse>();

        var send = hub.ExchangesOf(hub.FindLetter(letter.Key)!).Single();

        send.Request.Length.ShouldBe(1024);
        send.RequestLength.ShouldBe(hub.Journal.Entries.Last(e => e.Operation == Operation.SendLetter).RequestBody.Length);
        send.RequestTruncated.ShouldBeTrue();
    }

    [Test]
    public void Start_OnAFileFromANewerSchema_RefusesWithAClearMessage()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ecms-hub-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "future.db");
        try
        {
            Sql(file, "PRAGMA user_version = 99;");

            var problem = Should.Throw<HubStoreException>(() => FakeHub.Start(new FakeHubOptions { DataFile = file }));

            problem.Message.ShouldContain("schema version 99");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void Start_OnAFileThatIsNotADatabase_RefusesWithAClearMessage()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ecms-hub-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "notes.db");
        File.WriteAllText(file, "ไม่ใช่ฐานข้อมูล, just some text that is long enough to be read as a header page by SQLite.");
        try
        {
            var problem = Should.Throw<HubStoreException>(() => FakeHub.Start(new FakeHubOptions { DataFile = file }));

            problem.Message.ShouldContain(file);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string WireBytes(byte[] bytes) => System.Text.Encoding.UTF8.GetString(bytes);

    private static void Sql(string file, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
