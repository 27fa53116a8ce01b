using System.Diagnostics;
using ECms.Protocol.Messages;
using ECms.Simulators.Client;
using ECms.Simulators.Hub;
using ECms.Simulators.Peer;
using Microsoft.Data.Sqlite;

namespace ECms.DevHub.Tests;

/// <summary>
/// Figures for docs/dev-hub.md, printed to the test output: send + pull + delete cycles per second, in memory and on
/// SQLite, in one run; and how long a hub takes to start on a file with 10,000 letters.
/// Run: dotnet test tests/ECms.DevHub.Tests -c Release --filter Category=Benchmark
/// </summary>
[Explicit("A benchmark: prints figures, takes about a minute.")]
[Category("Benchmark")]
[NonParallelizable]
public class DevHubBenchmark
{
    private const int Warmup = 30;
    private const int Cycles = 300;

    [Test]
    public async Task Cycles_PersistentAgainstInMemory_PrintsRequestsPerSecond()
    {
        var folder = NewFolder();
        try
        {
            var memory = await MeasureAsync(new FakeHubOptions());
            var sqlite = await MeasureAsync(new FakeHubOptions { DataFile = Path.Combine(folder, "bench.db") });

            TestContext.Out.WriteLine($"in memory: {memory:F0} req/s; SQLite: {sqlite:F0} req/s ({sqlite / memory:P0}); {Cycles} cycles of send + pull + delete each");
            sqlite.ShouldBeGreaterThan(0);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task Restart_With10000Letters_PrintsStartTime()
    {
        var folder = NewFolder();
        var file = Path.Combine(folder, "big.db");
        try
        {
            await using (var hub = FakeHub.Start(new FakeHubOptions { DataFile = file }))
            {
                hub.RegisterAgency("9900100000", "หน่วยงานเอ", "Agency A");
                hub.RegisterAgency("9900200000", "หน่วยงานบี", "Agency B");
                await using var peer = FakePeerAgency.For(hub, "9900100000");
                (await peer.SendLetterAsync(peer.ComposeLetter("9900200000", "ทส 0", "ต้นแบบ"))).Expect<SendLetterResponse>();
            }

            Clone(file, 9_999);
            var clock = Stopwatch.StartNew();
            await using var restarted = FakeHub.Start(new FakeHubOptions { DataFile = file });
            clock.Stop();

            restarted.AllLetters().Count.ShouldBe(10_000);
            restarted.QueueOf("9900200000").Count.ShouldBe(10_000);
            TestContext.Out.WriteLine($"restart with 10,000 letters (and 10,000 queue items): {clock.ElapsedMilliseconds} ms; file {new FileInfo(file).Length / 1024} KiB");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<double> MeasureAsync(FakeHubOptions options)
    {
        await using var hub = FakeHub.Start(options);
        hub.RegisterAgency("9900100000", "หน่วยงานเอ", "Agency A");
        hub.RegisterAgency("9900200000", "หน่วยงานบี", "Agency B");
        await using var a = FakePeerAgency.For(hub, "9900100000");
        using var b = new EcmsHubClient(hub.EndpointOf("9900200000"));
        for (var n = 0; n < Warmup; n++)
        {
            await CycleAsync(a, b, $"w{n}");
        }

        var clock = Stopwatch.StartNew();
        for (var n = 0; n < Cycles; n++)
        {
            await CycleAsync(a, b, $"c{n}");
        }

        return Cycles * 3 / clock.Elapsed.TotalSeconds;
    }

    private static async Task CycleAsync(FakePeerAgency a, EcmsHubClient b, string number)
    {
        (await a.SendLetterAsync(a.ComposeLetter("9900200000", $"ทส {number}", "ทดสอบความเร็ว"))).Expect<SendLetterResponse>();
        var pulled = (await b.PullAsync()).Expect<PullResponse>();
        (await b.DeleteAsync(pulled.Item!.ProcessId)).Expect<DeleteFromQueueResponse>();
    }

    /// <summary>Copies the one stored letter and its queue item n times, with fresh IDs and letter numbers.</summary>
    private static void Clone(string file, int copies)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText =
            $"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {copies})
            INSERT INTO letters(pid, sender, receiver, letter_id, corr_date, summary, fragment, sent_at, state, accept_id, history)
            SELECT printf('S%012d', 1000000 + i), sender, receiver, 'ทส ' || i, corr_date,
                   replace(summary, '"LetterId":"ทส 0"', '"LetterId":"ทส ' || i || '"'), fragment, sent_at, state, accept_id, history
            FROM letters, n WHERE pid = 'S000000000001';
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {copies})
            INSERT INTO items(pid, owner, letter_pid, fragment, queued_at, out_of_band, pull_count)
            SELECT printf('Q%012d', 1000000 + i), owner, printf('S%012d', 1000000 + i), NULL, queued_at, 0, 0
            FROM items, n WHERE pid = 'Q000000000002';
            UPDATE meta SET value = '2000000' WHERE key = 'last_id';
            """;
        command.ExecuteNonQuery();
    }

    private static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ecms-devhub-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }
}
