using System.Diagnostics;
using ECms.Protocol.Messages;
using ECms.Protocol.Rules;
using ECms.Protocol.Wire;

// Validates a ~20 MB letter (a large PDF cover letter, base64 on the wire) the way `ecms-conformance validate`
// does, and prints wall time per validation and memory figures. Usage: dotnet run -c Release --project tests/ECms.Protocol.Benchmarks [-- MB]
// With "-- small [calls]" it profiles the hub's common case instead: a small letter and a notifier, per rule.
if (args.Length > 0 && args[0] == "small")
{
    ECms.Protocol.Benchmarks.SmallMessageProfile.Run(args.Length > 1 && int.TryParse(args[1], out var calls) ? calls : 5000);
    return;
}

var megabytes = args.Length > 0 && int.TryParse(args[0], out var mb) ? mb : 20;
var iterations = 10;

var pdf = new byte[megabytes * 1024 * 1024 * 3 / 4];
new Random(42).NextBytes(pdf);
"%PDF-1.7\n"u8.CopyTo(pdf);
var letter = new Letter
{
    LetterId = "ทส 9901.3/1187",
    CorrespondenceDate = "2024-06-11",
    Subject = "ทดสอบหนังสือขนาดใหญ่",
    Sender = Party.ForOrganization("9900100000", "ผู้อำนวยการ"),
    Receiver = Party.ForOrganization("9900200000", "อธิบดี"),
    SendDate = "2024-06-11T09:30:12",
    MainLetter = BinaryDocument.FromBytes("application/pdf", pdf),
};
var request = new SendLetterRequest(letter) { Header = new AddressingHeader("mid://bench@a", "http://agency-b.ecms.test/ecms-ws01/service2") };
var bytes = EcmsWriter.WriteRequest(request);
pdf = null;
letter = null;
request = null;
var context = new RuleContext { Profile = ValidationProfile.Strict };

GC.Collect();
GC.WaitForPendingFinalizers();
GC.Collect();
var baselineWorkingSet = Process.GetCurrentProcess().WorkingSet64;

var warm = RuleEngine.Standard.Validate(bytes, context);
if (!warm.IsValid)
{
    Console.Error.WriteLine("The benchmark letter is not valid: " + string.Join("; ", warm.Findings));
}

var times = new List<double>();
long allocatedPerRun = 0;
long peakWorkingSet = 0;
for (var i = 0; i < iterations; i++)
{
    var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
    var watch = Stopwatch.StartNew();
    var report = RuleEngine.Standard.Validate(bytes, context);
    watch.Stop();
    allocatedPerRun = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
    peakWorkingSet = Math.Max(peakWorkingSet, Process.GetCurrentProcess().WorkingSet64);
    times.Add(watch.Elapsed.TotalMilliseconds);
    GC.KeepAlive(report);
}

times.Sort();

// Where the time goes: each rule alone over the already-loaded message.
var loaded = SafeXmlLoader.Load(bytes);
var envelope = SoapEnvelope.From(loaded.Document!);
var ruleContext = context with
{
    Raw = bytes, Envelope = envelope, Operation = EcmsReader.DetectOperation(envelope), Request = EcmsReader.ReadRequest(envelope),
};
var loadWatch = Stopwatch.StartNew();
GC.KeepAlive(SafeXmlLoader.Load(bytes));
loadWatch.Stop();
var slowest = RuleEngine.Standard.Rules
    .Select(rule =>
    {
        var watch = Stopwatch.StartNew();
        GC.KeepAlive(rule.Check(ruleContext).ToList());
        return (rule.Id, watch.Elapsed.TotalMilliseconds);
    })
    .OrderByDescending(r => r.TotalMilliseconds)
    .Take(5)
    .ToList();
Console.WriteLine($"validate: message {bytes.Length / 1024.0 / 1024.0:F1} MB, {RuleEngine.Standard.Rules.Count} rules, {iterations} runs after warm-up");
Console.WriteLine($"  wall time per validation: min {times[0]:F0} ms, median {times[iterations / 2]:F0} ms, max {times[^1]:F0} ms");
Console.WriteLine($"  allocated per validation: {allocatedPerRun / 1024.0 / 1024.0:F1} MB ({(double)allocatedPerRun / bytes.Length:F2}× the message)");
Console.WriteLine($"  working set: {baselineWorkingSet / 1024.0 / 1024.0:F0} MB with the message loaded, peak {peakWorkingSet / 1024.0 / 1024.0:F0} MB while validating");
Console.WriteLine($"  load (safe parse into a tree): {loadWatch.Elapsed.TotalMilliseconds:F0} ms; slowest rules: {string.Join(", ", slowest.Select(r => $"{r.Id} {r.TotalMilliseconds:F0} ms"))}");
Console.WriteLine($"  GC: gen0 {GC.CollectionCount(0)}, gen1 {GC.CollectionCount(1)}, gen2 {GC.CollectionCount(2)}");
