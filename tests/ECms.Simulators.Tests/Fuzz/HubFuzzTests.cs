using System.Text;
using ECms.Protocol;
using ECms.Protocol.Messages;
using ECms.Protocol.Rules;
using ECms.Simulators.Hub;
using ECms.Simulators.Faults;
using ECms.Simulators.Journal;
using ECms.Simulators.Tests.Support;

namespace ECms.Simulators.Tests.Fuzz;

/// <summary>
/// "The hub parses XML from strangers": thousands of seeded mutants of valid requests of every operation, posted over
/// HTTP to a hub holding state, each judged by <see cref="HubFuzzer"/>. The seed and count can be changed with
/// ECMS_FUZZ_SEED and ECMS_FUZZ_MUTANTS (docs/fake-hub.md); a failure names the seed, the mutant and a file with its bytes.
/// </summary>
public class HubFuzzTests
{
    private const int Seed = 20_240_611;
    private const int Mutants = 3_000;

    private static string ReportFolder => Path.Combine(TestContext.CurrentContext.WorkDirectory, "fuzz-failures");

    /// <summary>The self-tests fail on purpose; their reports go elsewhere, fresh each run.</summary>
    private static string SelfTestFolder(string name)
    {
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "fuzz-self-tests", name);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        return folder;
    }

    [Test]
    public async Task MutatedRequests_PostedToHubWithState_EachAnsweredCleanlyAndRefusalsChangeNothing()
    {
        var settings = FuzzSettings.FromEnvironment(Seed, Mutants);

        var report = await HubFuzzer.RunAsync(settings, ReportFolder);

        await TestContext.Progress.WriteLineAsync(report.Summary());
        foreach (var failure in report.Failures)
        {
            TestContext.AddTestAttachment(failure.ReportPath);
        }

        report.Failures.ShouldBeEmpty($"seed {settings.Seed}:\n{string.Join("\n\n", report.Failures)}");
        report.Exchanges.ShouldBe(settings.Mutants);
        report.Outcomes.Keys.ShouldBe([ExchangeOutcome.Accepted, ExchangeOutcome.Rejected, ExchangeOutcome.Invalid], ignoreOrder: true);
    }

    [Test]
    public async Task Fuzzer_HubAnswersGarbage_ReportsTheMutantsWithSeedAndBytesAndTheFailedExchangeAfter()
    {
        var settings = new FuzzSettings(7, 20) { BatchSize = 20, MaxFailures = 3 };
        var report = await HubFuzzer.RunAsync(settings, SelfTestFolder("garbage"), prepare: rig => rig.Hub.InjectFault(HubFault.MalformedBody().Times(1_000)));

        report.Failures.Count.ShouldBe(4);
        report.Failures[^1].Problem.ShouldContain("no longer served a normal exchange");
        var first = report.Failures[0];
        first.Problem.ShouldContain("not well-formed XML");
        File.ReadAllText(first.ReportPath).ShouldContain($"ECMS_FUZZ_SEED=7 ECMS_FUZZ_MUTANTS={first.Index + 1}");
        File.ReadAllBytes(first.ReportPath.Replace(".txt", ".request.xml", StringComparison.Ordinal)).ShouldBe(first.Mutant.Body);
    }

    [Test]
    public async Task Fuzzer_HubFailsInternally_ReportsInternalError()
    {
        var engine = new RuleEngine([.. RuleCatalog.All, new ThrowsOnTimeCheck()]);
        var settings = new FuzzSettings(7, 40) { BatchSize = 40, MaxFailures = 1, Operations = [Operation.TimeCheck] };

        var report = await HubFuzzer.RunAsync(settings, SelfTestFolder("internal-error"), o => o with { RuleEngine = engine });

        report.Failures.ShouldHaveSingleItem().Problem.ShouldContain("InternalError");
    }

    [Test]
    public async Task Fuzzer_RefusalThatChangesState_IsReported()
    {
        // A rule that queues an item while it judges a time check, and finds a MUST violation the strict hub refuses:
        // the refusal then leaves the state changed, as a buggy hub would.
        var sabotage = new ChangesStateOnTimeCheck();
        var engine = new RuleEngine([.. RuleCatalog.All, sabotage]);
        var settings = new FuzzSettings(7, 40) { BatchSize = 20, MaxFailures = 1, Operations = [Operation.TimeCheck] };

        var report = await HubFuzzer.RunAsync(settings, SelfTestFolder("state-change"), o => o with { RuleEngine = engine },
            rig => sabotage.Hub = rig.Hub);

        report.Failures.ShouldHaveSingleItem().Problem.ShouldContain("refused (Rejected) but its state changed");
    }

    [TestCase(ValidationProfile.Lenient)]
    [TestCase(ValidationProfile.Strict)]
    public async Task Templates_Unmutated_AreAcceptedByTheSeededHub(ValidationProfile profile)
    {
        await using var rig = HubRig.Create(configure: o => o with { Strictness = ValidationProfile.Lenient });
        var requests = new ValidRequests(rig);
        await requests.SeedAsync();
        rig.Hub.Strictness = profile;
        var random = new Random(1);

        var outcomes = new List<string>();
        foreach (var operation in ValidRequests.Operations.Distinct())
        {
            var request = requests.Build(operation, outcomes.Count, random, profile);
            var result = await new Client.EcmsHubClient(rig.Hub.EndpointOf(request.Caller)).PostRawAsync(request.Body);
            var entry = rig.Hub.Journal.Last!;
            outcomes.Add($"{operation}: {entry.Outcome} {string.Join(", ", entry.Errors.Select(e => e.Description))}");
            result.IsSuccess.ShouldBeTrue(string.Join("\n", outcomes));
        }

        outcomes.Count.ShouldBe(17);
    }

    [Test]
    public void Mutate_SameSeed_SameBytes()
    {
        var template = Encoding.UTF8.GetBytes(Envelopes.Wrap("<CorrespondenceLetterDeleteRequest><ProcessID>Q000000000001</ProcessID></CorrespondenceLetterDeleteRequest>"));

        var first = Enumerable.Range(0, 200).Select(i => Mutators.Mutate(template, new Random(i), ["Q000000000002"])).ToArray();
        var second = Enumerable.Range(0, 200).Select(i => Mutators.Mutate(template, new Random(i), ["Q000000000002"])).ToArray();

        second.Select(m => m.Body).ShouldBe(first.Select(m => m.Body));
        second.Select(m => m.Describe()).ShouldBe(first.Select(m => m.Describe()));
        first.ShouldAllBe(m => !m.Body.SequenceEqual(template));
    }

    [Test]
    public void Mutate_ManyMutants_UseEveryMutation()
    {
        var template = Encoding.UTF8.GetBytes(Envelopes.Wrap(
            "<CorrespondenceLetterOutboundRequest><ReceiveLetterNotifier><LetterID>ทส 1</LetterID><CorrespondenceDate>2024-06-11</CorrespondenceDate>" +
            "<Subject>ขอเชิญ &amp; ประชุม</Subject></ReceiveLetterNotifier></CorrespondenceLetterOutboundRequest>"));

        var used = Enumerable.Range(0, 3_000)
            .SelectMany(i => Mutators.Mutate(template, new Random(i), ["Q000000000002"]).Mutations)
            .Select(m => m[..m.IndexOf('(', StringComparison.Ordinal)])
            .ToHashSet();

        used.ShouldBe(Mutators.Names, ignoreOrder: true);
    }

    [Test]
    public void Markup_Scan_FindsNestedElementsAndText()
    {
        var map = Markup.Scan("<a:x><b>t</b><!-- <c> --><d/></a:x>");

        map.Elements.Select(e => (e.Name, e.Depth)).ShouldBe([("a:x", 0), ("b", 1), ("d", 1)]);
        map.Elements[0].Children.Select(c => c.Name).ShouldBe(["b", "d"]);
        map.Texts.ShouldHaveSingleItem().Element!.Name.ShouldBe("b");
    }

    private sealed class ThrowsOnTimeCheck : Rule
    {
        public override string Id => "X-FUZZ-THROWS";
        public override RuleLevel Level => RuleLevel.Info;
        public override string Title => "Throws, to prove the fuzzer notices a hub failure";
        public override bool AppliesTo(Operation operation) => operation == Operation.TimeCheck;
        public override IEnumerable<Finding> Check(RuleContext context) => throw new InvalidOperationException("deliberate");
    }

    private sealed class ChangesStateOnTimeCheck : Rule
    {
        public FakeHub? Hub { get; set; }
        public override string Id => "X-FUZZ-SABOTAGE";
        public override RuleLevel Level => RuleLevel.Must;
        public override string Title => "Changes hub state while judging, to prove the fuzzer notices a refusal that changed state";
        public override bool AppliesTo(Operation operation) => operation == Operation.TimeCheck;

        public override IEnumerable<Finding> Check(RuleContext context)
        {
            Hub?.InjectQueueItem(HubRig.C, new Notifier(NotifierKind.ReceiveLetter, "x", "2024-06-11", "x"));
            yield return Violation("ทดสอบ", "A deliberate MUST finding.", "/Envelope");
        }
    }
}
