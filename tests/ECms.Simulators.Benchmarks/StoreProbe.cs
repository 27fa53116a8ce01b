using System.Diagnostics;
using ECms.Protocol.Messages;
using ECms.Simulators.Client;
using ECms.Simulators.Hub;
using ECms.Simulators.Peer;
using Microsoft.Data.Sqlite;

namespace ECms.Simulators.Benchmarks;

/// <summary>
/// The standalone (dev) hub's data file: send + pull + delete cycles per second in memory and on SQLite, and how long
/// a hub takes to start on a file with 10,000 letters. Figures for docs/dev-hub.md.
/// </summary>
internal static class StoreProbe
{
    private const int Warmup = 30;
    private const int Cycles = 300;
    private const string A = "9900100000";
    private const string B = "9900200000";

    public static async Task<(double InMemory, double Sqlite, int Cycles)> RequestRatesAsync()
    {
        var folder = NewFolder();
        try
        {
            var memory = await MeasureAsync(new FakeHubOptions());
            var sqlite = await MeasureAsync(new FakeHubOptions { DataFile = Path.Combine(folder, "bench.db") });
            return (memory, sqlite, Cycles);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public static async Task<(TimeSpan Start, int Letters, int Queued, long FileBytes)> RestartWithLettersAsync(int letters)
    {
        var folder = NewFolder();
        var file = Path.Combine(folder, "big.db");
        try
        {
            await using (var hub = Connect(FakeHub.Start(new FakeHubOptions { DataFile = file })))
            {
                await using var peer = FakePeerAgency.For(hub, A);
                (await peer.SendLetterAsync(peer.ComposeLetter(B, "ทส 0", "ต้นแบบ"))).Expect<SendLetterResponse>();
            }

            Clone(file, letters - 1);
            var clock = Stopwatch.StartNew();
            await using var restarted = FakeHub.Start(new FakeHubOptions { DataFile = file });
            clock.Stop();
            return (clock.Elapsed, restarted.AllLetters().Count, restarted.QueueOf(B).Count, new FileInfo(file).Length);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static FakeHub Connect(FakeHub hub)
    {
        hub.RegisterAgency(A, "หน่วยงานเอ", "Agency A");
        hub.RegisterAgency(B, "หน่วยงานบี", "Agency B");
        return hub;
    }

    private static async Task<double> MeasureAsync(FakeHubOptions options)
    {
        await using var hub = Connect(FakeHub.Start(options));
        await using var a = FakePeerAgency.For(hub, A);
        using var b = new EcmsHubClient(hub.EndpointOf(B));
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
        (await a.SendLetterAsync(a.ComposeLetter(B, $"ทส {number}", "ทดสอบความเร็ว"))).Expect<SendLetterResponse>();
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

    private static string NewFolder() => Directory.CreateTempSubdirectory("ecms-store-bench-").FullName;
}
