using ECms.Conformance.NUnitBridge.Runner;
using ECms.Conformance.Steps.Verdicts;
using ECms.Reports.Model;

namespace ECms.Conformance.Steps.Run;

/// <summary>One executed pickle: its item, resolved verdict and the checks behind it.</summary>
internal sealed record ScenarioOutcome(SuitePickle Pickle, string ItemId, Verdict Verdict, string? Message, ScenarioVerdict? Checks, TimeSpan Duration);
