using ECms.Protocol.Messages;
using ECms.Simulators.Hub;
using ECms.Simulators.Persistence;
using ECms.Simulators.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ECms.Simulators.Tests;

/// <summary>
/// Retention of the stored journal: a hub on a data file removes exchanges past the age or count limit — at start and
/// in the background while it runs — and never a letter or a queue item, however old.
/// </summary>
public class JournalRetentionTests
{
    [Test]
    public async Task Restart_ExchangesOlderThanTheLimit_ArePrunedButOldLettersAndQueueItemsStay()
    {
        await using var hubs = new PersistentHubs(o => o with { JournalRetention = new JournalRetention { MaxAge = TimeSpan.FromDays(30) } });
        var first = hubs.StartFirst();
        var a = hubs.Peer(first, HubRig.A);
        var old = a.ComposeLetter(HubRig.B, "ทส 41", "ยังไม่มีผู้ลบจากคิว มาตั้งแต่เดือนก่อน");
        (await a.SendLetterAsync(old)).Expect<SendLetterResponse>();
        (await hubs.Peer(first, HubRig.B).PullAsync()).Expect<PullResponse>();
        var lastOld = first.Journal.LastSequence;
        var before = first.DescribeState();
        await first.DisposeAsync();
        hubs.Clock.Advance(TimeSpan.FromDays(31));

        var second = hubs.Start();
        var after = second.DescribeState();
        var oldExchanges = second.ExchangesOf(second.FindLetter(old.Key)!);
        var stillQueued = (await hubs.Peer(second, HubRig.B).PullAsync()).Expect<PullResponse>();

        second.PrunedAtStart.ShouldBe(lastOld);
        Journal(hubs.DataFile).ShouldBe((1, lastOld + 1, lastOld + 1));
        after.ShouldBe(before);
        oldExchanges.ShouldBeEmpty();
        stillQueued.Item!.Letter!.LetterId.ShouldBe("ทส 41");
        second.ExchangesOf(second.FindLetter(old.Key)!).Select(e => e.Operation).ShouldBe(["Pull"]);
    }

    [Test]
    public async Task Restart_MoreExchangesThanTheLimit_KeepsTheNewest()
    {
        await using var hubs = new PersistentHubs(o => o with { JournalRetention = new JournalRetention { MaxExchanges = 5 } });
        var first = hubs.StartFirst();
        var b = hubs.Peer(first, HubRig.B);
        for (var i = 0; i < 12; i++)
        {
            (await b.PullAsync()).Expect<PullResponse>();
        }

        await first.DisposeAsync();

        var second = hubs.Start();

        second.PrunedAtStart.ShouldBe(7);
        Journal(hubs.DataFile).ShouldBe((5, 8, 12));
    }

    [Test]
    public async Task Running_PastTheExchangeThreshold_PrunesInTheBackground()
    {
        await using var hubs = new PersistentHubs(o => o with
        {
            JournalRetention = new JournalRetention { MaxExchanges = 3 },
            JournalPruneEveryExchanges = 4,
        });
        var hub = hubs.StartFirst();
        var b = hubs.Peer(hub, HubRig.B);
        for (var i = 0; i < 3; i++)
        {
            (await b.PullAsync()).Expect<PullResponse>();
        }

        var beforeThreshold = Journal(hubs.DataFile);
        (await b.PullAsync()).Expect<PullResponse>();
        await hub.JournalPruning.WaitAsync(TimeSpan.FromSeconds(30));

        beforeThreshold.ShouldBe((3, 1, 3));
        Journal(hubs.DataFile).ShouldBe((3, 2, 4));
        hub.PrunedExchanges.ShouldBe(1);
    }

    [Test]
    public async Task Running_AnHourAfterTheLastPrune_PrunesByAgeInTheBackground()
    {
        await using var hubs = new PersistentHubs(o => o with { JournalRetention = new JournalRetention { MaxAge = TimeSpan.FromDays(1) } });
        var hub = hubs.StartFirst();
        var b = hubs.Peer(hub, HubRig.B);
        (await b.PullAsync()).Expect<PullResponse>();
        (await b.PullAsync()).Expect<PullResponse>();
        hubs.Clock.Advance(TimeSpan.FromMinutes(59));
        (await b.PullAsync()).Expect<PullResponse>();
        var notYetDue = hub.JournalPruning;
        hubs.Clock.Advance(TimeSpan.FromDays(2));

        (await b.PullAsync()).Expect<PullResponse>();
        await hub.JournalPruning.WaitAsync(TimeSpan.FromSeconds(30));

        notYetDue.ShouldBeSameAs(Task.CompletedTask);
        Journal(hubs.DataFile).ShouldBe((1, 4, 4));
    }

    [Test]
    public async Task Restart_WithoutALimit_KeepsEverything()
    {
        await using var hubs = new PersistentHubs(o => o with { JournalRetention = JournalRetention.Unlimited });
        var first = hubs.StartFirst();
        (await hubs.Peer(first, HubRig.B).PullAsync()).Expect<PullResponse>();
        await first.DisposeAsync();
        hubs.Clock.Advance(TimeSpan.FromDays(3650));

        var second = hubs.Start();

        second.PrunedAtStart.ShouldBe(0);
        Journal(hubs.DataFile).ShouldBe((1, 1, 1));
    }

    [TestCase(0, null)]
    [TestCase(-1, null)]
    [TestCase(null, 0)]
    public void Retention_NonPositiveLimit_IsRefused(int? days, int? exchanges) =>
        Should.Throw<ArgumentOutOfRangeException>(() => new JournalRetention
        {
            MaxAge = days is { } d ? TimeSpan.FromDays(d) : null,
            MaxExchanges = exchanges,
        });

    [Test]
    public void Retention_Default_IsThirtyDaysAndFiftyThousandExchanges() =>
        JournalRetention.Default.ToString().ShouldBe("the last 30 day(s) and at most 50,000 exchanges");

    /// <summary>How many exchanges the file holds, and the lowest and highest sequence number.</summary>
    private static (long Count, long First, long Last) Journal(string file)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*), IFNULL(MIN(seq), 0), IFNULL(MAX(seq), 0) FROM journal";
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }
}
