using System.Diagnostics;
using ECms.Protocol.Messages;
using ECms.Protocol.Rules;
using ECms.Protocol.Wire;

namespace ECms.Protocol.Benchmarks;

/// <summary>
/// Where the time of a small request goes — the hub's common case: loading, reading, and every rule alone, in
/// microseconds and bytes allocated per call, over a small letter and a notifier. Prints, never asserts.
/// </summary>
internal static class SmallMessageProfile
{
    private const string Sender = "9900100000";
    private const string Receiver = "9900200000";

    public static void Run(int iterations)
    {
        var directory = new OrganizationDirectory(
        [
            new OrganizationInfo(Sender, "หน่วยงานผู้ส่ง", "Sender", $"http://127.0.0.1:5000/{Sender}/ecms-ws01/service2"),
            new OrganizationInfo(Receiver, "หน่วยงานผู้รับ", "Receiver", $"http://127.0.0.1:5000/{Receiver}/ecms-ws01/service2"),
        ]);
        var to = directory.Find(Receiver)!.EcmsUrl;
        var pdf = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n% หนังสือทดสอบ\ntrailer<</Root 1 0 R>>\n%%EOF\n"u8.ToArray();
        var letter = new Letter
        {
            LetterId = "ทส 9901.3/1187",
            CorrespondenceDate = "2024-06-11",
            Subject = "ขอความอนุเคราะห์ข้อมูลสถิติการใช้บริการ ปี 2566 & 2567",
            Sender = Party.ForOrganization(Sender, "ผู้อำนวยการกองทดสอบระบบ", "วรรณา", "ทดลองดี"),
            Receiver = Party.ForOrganization(Receiver),
            SendDate = "2024-06-11T09:30:12",
            MainLetter = BinaryDocument.FromBytes("application/pdf", pdf),
        };
        var notifier = new Notifier(NotifierKind.AcceptLetter, letter.LetterId, letter.CorrespondenceDate, letter.Subject, "รับ 42/2567");
        Profile("small letter", new SendLetterRequest(letter) { Header = new AddressingHeader("mid://bench-1@sender", to) }, directory, iterations);
        Profile("notifier", new SendNotifierRequest(notifier) { Header = new AddressingHeader("mid://bench-2@sender", to) }, directory, iterations);
    }

    private static void Profile(string name, EcmsRequest request, OrganizationDirectory directory, int iterations)
    {
        var bytes = EcmsWriter.WriteRequest(request);
        var load = Measure(iterations, () => SafeXmlLoader.Load(bytes));
        var envelope = SoapEnvelope.From(SafeXmlLoader.Load(bytes).Document!);
        var read = Measure(iterations, () => EcmsReader.ReadRequest(envelope)!);
        var context = new RuleContext
        {
            Profile = ValidationProfile.Strict,
            Raw = bytes,
            Envelope = envelope,
            Operation = EcmsReader.DetectOperation(envelope),
            Request = EcmsReader.ReadRequest(envelope),
            Http = new HttpFacts("POST", "text/xml; charset=utf-8"),
            CallerOrganizationId = Sender,
            Directory = directory,
        };
        var rules = RuleEngine.Standard.Rules.Where(r => r.AppliesTo(context.Operation))
            .Select(rule => (rule.Id, Cost: Measure(iterations, () => rule.Check(context).ToList())))
            .OrderByDescending(r => r.Cost.Microseconds)
            .ToList();
        var engine = Measure(iterations, () => RuleEngine.Standard.Validate(context));
        Console.WriteLine($"{name}: {bytes.Length:N0} bytes, {rules.Count} rules apply, {iterations:N0} calls each");
        Console.WriteLine($"  load {load}, read {read}, all rules {engine}");
        Console.WriteLine($"  costliest rules: {string.Join(", ", rules.Take(8).Select(r => $"{r.Id} {r.Cost}"))}");
    }

    private static Cost Measure(int iterations, Func<object> action)
    {
        for (var i = 0; i < Math.Min(iterations, 200); i++)
        {
            GC.KeepAlive(action());
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++)
        {
            GC.KeepAlive(action());
        }

        watch.Stop();
        return new Cost(watch.Elapsed.TotalMicroseconds / iterations, (GC.GetAllocatedBytesForCurrentThread() - allocated) / iterations);
    }

    private readonly record struct Cost(double Microseconds, long Bytes)
    {
        public override string ToString() => $"{Microseconds:0.0} µs/{Bytes:N0} B";
    }
}
