using System.Collections.Specialized;
using Io.Cucumber.Messages.Types;
using Reqnroll;

namespace ECms.Conformance.NUnitBridge.Runner;

/// <summary>One executable scenario (a scenario, or one example row of an outline) of a <see cref="SuiteFeature"/>.</summary>
public sealed class SuitePickle
{
    internal SuitePickle(SuiteFeature feature, int index, Pickle pickle, string testName, PickleScenario scenario, IReadOnlyList<PickleStepCall> steps)
    {
        Feature = feature;
        Index = index;
        Pickle = pickle;
        TestName = testName;
        Scenario = scenario;
        Steps = steps;
        Tags = pickle.Tags.Select(t => t.Name.TrimStart('@')).ToArray();
        IsIgnored = TagHelper.ContainsIgnoreTag(Tags.ToArray());
    }

    public SuiteFeature Feature { get; }

    /// <summary>Position in the feature's pickle list; Reqnroll uses it to find the pickle for Cucumber messages.</summary>
    public int Index { get; }

    /// <summary>The Cucumber pickle (outline parameters substituted, background steps included).</summary>
    public Pickle Pickle { get; }

    /// <summary>Readable title with outline parameters substituted.</summary>
    public string Title => Pickle.Name;

    /// <summary>Identifier unique within the feature, usable in <c>dotnet test --filter</c>.</summary>
    public string TestName { get; }

    /// <summary>Feature, rule, scenario and example tags without the leading <c>@</c>.</summary>
    public IReadOnlyList<string> Tags { get; }

    public bool IsIgnored { get; }

    internal PickleScenario Scenario { get; }

    internal IReadOnlyList<PickleStepCall> Steps { get; }

    // Fresh instances per run: Reqnroll attaches per-execution state to ScenarioInfo.
    internal ScenarioInfo CreateScenarioInfo()
    {
        var arguments = new OrderedDictionary();
        foreach (var (name, value) in Scenario.Arguments)
        {
            arguments.Add(name, value);
        }

        return new ScenarioInfo(
            Scenario.Title,
            Scenario.Description,
            Scenario.DirectTags.ToArray(),
            arguments,
            Scenario.InheritedTags.ToArray(),
            Index.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    internal RuleInfo? CreateRuleInfo() =>
        Scenario.Rule is { } rule ? new RuleInfo(rule.Title, rule.Description, rule.Tags.ToArray()) : null;

    public override string ToString() => $"{Feature.Uri} #{Index} {Title}";
}

/// <summary>What generated code would pass to <see cref="ScenarioInfo"/>: the un-substituted title and split tags.</summary>
internal sealed record PickleScenario(
    string Title,
    string? Description,
    IReadOnlyList<string> DirectTags,
    IReadOnlyList<string> InheritedTags,
    IReadOnlyList<(string Name, string Value)> Arguments,
    PickleRule? Rule);

internal sealed record PickleRule(string Title, string? Description, IReadOnlyList<string> Tags);
