using ECms.Conformance.Steps.Drivers.Hub;
using ECms.Conformance.Steps.Drivers.Letters;
using ECms.Conformance.Steps.Profiles;
using ECms.Conformance.Steps.Session;
using ECms.Conformance.Steps.Verdicts;
using ECms.Simulators.Journal;
using Reqnroll;

namespace ECms.Conformance.Steps.Drivers;

/// <summary>
/// What every driver of one scenario shares: the run's session, the scenario's verdict collector, where the journal
/// stood when the scenario began, and the scenario's letters. Created by Reqnroll per scenario (context injection).
/// </summary>
public sealed class ScenarioHarness(ScenarioContext context)
{
    private ConformanceSession? _session;
    private ScenarioVerdict? _verdict;
    private ScenarioLetters? _letters;

    public ConformanceSession Session => _session ?? throw new InvalidOperationException("The scenario has not begun: the [BeforeScenario] hook did not run.");

    public ScenarioVerdict Verdict => _verdict ?? throw new InvalidOperationException("The scenario has not begun.");

    public ScenarioLetters Letters => _letters ?? throw new InvalidOperationException("The scenario has not begun.");

    public ScenarioTags Tags { get; private set; } = ScenarioTags.From([]);

    public RunProfile Profile => Session.Profile;

    public string ItemId => Verdict.ItemId;

    /// <summary>The newest journal entry of the run's hub before this scenario's first step.</summary>
    public long StartMark { get; private set; }

    public CancellationToken Cancellation { get; internal set; }

    public EvidenceRef Ref(JournalEntry entry) => new(Session.CurrentHubName, entry.Sequence);

    internal async Task BeginAsync()
    {
        _session = SessionScope.Current ?? await DotnetTestSession.GetAsync().ConfigureAwait(false);
        Tags = ScenarioTags.From(context.ScenarioInfo.CombinedTags);
        if (Tags.ItemId is not { } item || Tags.RequirementTagCount != 1)
        {
            throw new InvalidOperationException($"Scenario \"{context.ScenarioInfo.Title}\" must carry exactly one @req:<ID> tag (features/README.md).");
        }

        _verdict = new ScenarioVerdict(item, Tags.Level, Session.Profile.ExpectedDeviation(item), Session.Signals);
        _letters = new ScenarioLetters(item, Session.NextNumber, Session.Clock, Session.SutOrganizationId);
        Session.CurrentVerdict = _verdict;
        Session.LastVerdict = _verdict;
        StartMark = Session.Hub.Journal.LastSequence;

        if (Profile.NotApplicableReason(item) is { } notApplicable)
        {
            throw Verdict.NotApplicable($"The profile says so: {notApplicable.Reason}");
        }

        if (Tags.ManualOnly && Profile.Driver != SutDriverKind.Manual)
        {
            throw Verdict.NotApplicable("This item needs an operator's eyes: the SUT control API v1 has no action for it. Run it with a manual profile.");
        }

        if (Profile.Driver == SutDriverKind.Manual && !Tags.ManualCapable)
        {
            throw Verdict.NotApplicable("This item needs automation (it is not @manual-capable); run it with the control API.");
        }

        if (Session.SutDown)
        {
            try
            {
                await Session.Sut.HealthAsync(Cancellation).ConfigureAwait(false);
                Session.SutDown = false;
            }
            catch (Sut.SutUnreachableException ex)
            {
                throw Verdict.Error($"The system under test is unreachable, so this item was not judged: {ex.Message}", ex);
            }
        }
    }

    internal async Task EndAsync(HubDriver hub)
    {
        try
        {
            await hub.ResetAsync().ConfigureAwait(false);
        }
        finally
        {
            Session.CurrentVerdict = null;
        }

        if (context.TestError is null && Verdict.StoppedWith is null)
        {
            Verdict.Complete();
        }
    }
}
