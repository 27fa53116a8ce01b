using ECms.Protocol.Lifecycle;
using ECms.Protocol.Messages;
using ECms.Protocol.Rules;
using ECms.Protocol.Tests.Wire;
using ECms.Protocol.Wire;
using Shouldly;

namespace ECms.Protocol.Tests.Rules;

/// <summary>
/// The hub runs a rule outside its state lock unless the rule declares <see cref="Rule.ReadsHubState"/>; a rule that
/// read the letters, queues or seen MessageIDs without saying so could judge a state that another request is changing.
/// Every rule meets every sample request at the hub (with a letter on record, from either party) while the state
/// records whether it was read.
/// </summary>
public class RuleStateDeclarationTests
{
    private static IEnumerable<TestCaseData> Rules => RuleCatalog.All.Select(rule => new TestCaseData(rule).SetArgDisplayNames(rule.Id));

    [TestCaseSource(nameof(Rules))]
    public void Declaration_MatchesWhatTheRuleReads(Rule rule)
    {
        var reads = new List<string>();
        foreach (var (name, request) in SampleMessages.Requests())
        {
            foreach (var caller in new[] { SampleMessages.AgencyA, SampleMessages.AgencyB })
            {
                var state = new RecordingState(SpecLetter.In(LetterState.Registered, "รับ 2567/04512"));
                if (rule.AppliesTo(request.Operation))
                {
                    _ = rule.Check(AtHub(request, caller, state)).ToList();
                }

                if (state.Read is { } what)
                {
                    reads.Add($"{name} from {caller}: {what}");
                }
            }
        }

        if (rule.ReadsHubState)
        {
            reads.ShouldNotBeEmpty($"{rule.Id} declares ReadsHubState but read no state for any sample request; the hub would hold its lock for nothing.");
        }
        else
        {
            reads.ShouldBeEmpty($"{rule.Id} reads the hub's state without declaring ReadsHubState, so the hub would run it outside its lock.");
        }
    }

    [Test]
    public void SplitRun_ReportsExactlyWhatOneRunReports()
    {
        var engine = RuleEngine.Standard;
        foreach (var (name, request) in SampleMessages.Requests())
        {
            var context = AtHub(request, SampleMessages.AgencyB, new RecordingState(SpecLetter.In(LetterState.Acknowledged)));
            var whole = engine.Validate(context).Findings;
            var split = engine.InCatalogueOrder(
                engine.Validate(context, r => !r.ReadsHubState).Findings,
                engine.Validate(context, r => r.ReadsHubState).Findings);
            split.ShouldBe(whole, name);
        }
    }

    private static RuleContext AtHub(EcmsRequest request, string caller, RecordingState state)
    {
        var bytes = EcmsWriter.WriteRequest(request);
        var envelope = SoapEnvelope.From(SafeXmlLoader.Load(bytes).Document!);
        return Contexts.AtHub(caller) with
        {
            Raw = bytes,
            Envelope = envelope,
            Operation = EcmsReader.DetectOperation(envelope),
            Request = EcmsReader.ReadRequest(envelope),
            Letters = state,
            Queues = state,
            SeenMessageIds = state.SeenMessageIds,
        };
    }

    /// <summary>Letters, queues and seen MessageIDs that note the first read.</summary>
    private sealed class RecordingState(LetterRecord letter) : ILetterRegistry, IAcceptIdRegistry, IQueueView
    {
        private readonly FakeLetterRegistry _letters = new(letter);

        public string? Read { get; private set; }

        public IReadOnlySet<string> SeenMessageIds => new RecordingSet(this);

        public LetterRecord? Find(LetterKey key) => Note("letters", _letters.Find(key));

        public IReadOnlyList<LetterRecord> FindInvolving(string organizationId, string letterId, string correspondenceDate) =>
            Note("letters", _letters.FindInvolving(organizationId, letterId, correspondenceDate));

        public IReadOnlyList<LetterRecord> FindByAcceptId(string receiverOrganizationId, string acceptId) =>
            Note("receipt numbers", _letters.FindByAcceptId(receiverOrganizationId, acceptId));

        public QueueItemStatus StatusOf(string organizationId, string processId) => Note("queues", QueueItemStatus.Queued);

        private T Note<T>(string what, T result)
        {
            Read ??= what;
            return result;
        }

        private sealed class RecordingSet(RecordingState state) : HashSet<string>, IReadOnlySet<string>
        {
            bool IReadOnlySet<string>.Contains(string item) => state.Note("seen MessageIDs", false);
        }
    }
}
