using System.Diagnostics;
using ECms.Protocol.Messages;
using ECms.Simulators.Client;
using ECms.Simulators.Hub;

namespace ECms.Simulators.Benchmarks;

/// <summary>
/// Twenty letters with a 10 MB cover letter each, sent and left in the receiver's queue. Measures the managed heap the
/// hub retains (journal + queues) against the payload, and the process's peak working set, which also holds the
/// in-process client's transient copies.
/// </summary>
internal static class MemoryProbe
{
    public static async Task<MemoryResult> RunAsync(HttpClient http, int letters, int fileBytes)
    {
        var file = new byte[fileBytes];
        new Random(42).NextBytes(file);
        "%PDF-1.7\n"u8.CopyTo(file);
        var baselineWorkingSet = Environment.WorkingSet;
        var (withHub, wireBytes, queued, intact, gone) = await FillAsync(http, letters, file);

        // Measured again once the hub is gone (its web host finishes shutting down in the background): what remains
        // (HTTP and array pools, JIT, the client) was not the hub's.
        var withoutHub = Settle();
        for (var attempt = 0; attempt < 40 && gone.IsAlive; attempt++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System);
            withoutHub = Settle();
        }

        Process.GetCurrentProcess().Refresh();
        return new MemoryResult(letters, (long)letters * fileBytes, wireBytes, queued, withHub - withoutHub,
            Process.GetCurrentProcess().PeakWorkingSet64, baselineWorkingSet, intact);
    }

    private static async Task<(long Heap, long WireBytes, int Queued, bool Intact, WeakReference Hub)> FillAsync(HttpClient http, int letters, byte[] file)
    {
        using var hub = FakeHub.Start();
        var sender = hub.RegisterAgency(Agencies.Id(0), "ผู้ส่ง", "Sender");
        var receiver = hub.RegisterAgency(Agencies.Id(1), "ผู้รับ", "Receiver");
        using var client = new EcmsHubClient(sender.Endpoint, http);
        using var receiving = new EcmsHubClient(receiver.Endpoint, http);
        long wireBytes = 0;
        for (var i = 0; i < letters; i++)
        {
            var letter = Agencies.SmallLetter(0, 1, i) with { MainLetter = BinaryDocument.FromBytes("application/pdf", file) };
            (await client.SendLetterAsync(letter, receiver.Endpoint)).Expect<SendLetterResponse>();
            wireBytes += hub.Journal.Last!.RequestBody.Length;
        }

        var first = (await receiving.PullAsync()).Expect<PullResponse>().Item!.Letter!.MainLetter!.Decode();
        var intact = first.AsSpan().SequenceEqual(file);
        first = null;
        return (Settle(), wireBytes, hub.QueueOf(receiver.OrganizationId).Count, intact, new WeakReference(hub));
    }

    private static long Settle()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}

internal sealed record MemoryResult(int Letters, long PayloadBytes, long WireBytes, int Queued, long RetainedBytes, long PeakWorkingSet, long BaselineWorkingSet, bool Intact);
