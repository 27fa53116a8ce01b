using Io.Cucumber.Messages.Types;

namespace ECms.Conformance.NUnitBridge.Runner;

/// <summary>
/// Looks up the AST nodes a pickle came from (by <c>astNodeIds</c>): pickles lose what Reqnroll still wants,
/// namely the step keyword, the un-substituted title, the split of direct vs inherited tags and the rule.
/// </summary>
internal sealed class AstIndex
{
    private readonly Feature _feature;
    private readonly Dictionary<string, (Scenario Scenario, Rule? Rule)> _scenarios = [];
    private readonly Dictionary<string, Step> _steps = [];
    private readonly Dictionary<string, (Examples Examples, TableRow Row, int Number)> _exampleRows = [];

    public AstIndex(Feature feature)
    {
        _feature = feature;
        foreach (var child in feature.Children)
        {
            Add(child.Background, child.Scenario, rule: null);
            foreach (var ruleChild in child.Rule?.Children ?? [])
            {
                Add(ruleChild.Background, ruleChild.Scenario, child.Rule);
            }
        }
    }

    public string TestNameOf(Pickle pickle)
    {
        var (scenario, _) = _scenarios[pickle.AstNodeIds[0]];
        int? exampleNumber = pickle.AstNodeIds.Count > 1 ? _exampleRows[pickle.AstNodeIds[1]].Number : null;
        return TestNames.ForScenario(scenario.Name, exampleNumber);
    }

    public PickleScenario ScenarioOf(Pickle pickle)
    {
        var (scenario, rule) = _scenarios[pickle.AstNodeIds[0]];
        var directTags = scenario.Tags.AsEnumerable();
        var arguments = new List<(string, string)>();
        if (pickle.AstNodeIds.Count > 1)
        {
            var (examples, row, _) = _exampleRows[pickle.AstNodeIds[1]];
            directTags = directTags.Concat(examples.Tags);
            arguments.AddRange(examples.TableHeader.Cells.Zip(row.Cells, (header, cell) => (header.Value, cell.Value)));
        }

        var inheritedTags = _feature.Tags.Concat(rule?.Tags ?? []);
        var ruleInfo = rule is null ? null : new PickleRule(rule.Name, FeatureParser.NullIfBlank(rule.Description), FeatureParser.TagNames(rule.Tags));
        return new PickleScenario(
            scenario.Name,
            FeatureParser.NullIfBlank(scenario.Description),
            FeatureParser.TagNames(directTags),
            FeatureParser.TagNames(inheritedTags),
            arguments,
            ruleInfo);
    }

    public PickleStepCall StepCallOf(PickleStep pickleStep)
    {
        var step = _steps[pickleStep.AstNodeIds[0]];
        var rows = pickleStep.Argument?.DataTable?.Rows.Select(r => (IReadOnlyList<string>)r.Cells.Select(c => c.Value).ToList()).ToList();
        return new PickleStepCall(step.KeywordType, step.Keyword, pickleStep.Text, pickleStep.Argument?.DocString?.Content, rows);
    }

    private void Add(Background? background, Scenario? scenario, Rule? rule)
    {
        foreach (var step in background?.Steps ?? [])
        {
            _steps[step.Id] = step;
        }

        if (scenario is null)
        {
            return;
        }

        _scenarios[scenario.Id] = (scenario, rule);
        foreach (var step in scenario.Steps)
        {
            _steps[step.Id] = step;
        }

        // Numbered across all Examples blocks of the outline, so names stay unique without the block's title.
        var number = 0;
        foreach (var examples in scenario.Examples)
        {
            foreach (var row in examples.TableBody)
            {
                _exampleRows[row.Id] = (examples, row, ++number);
            }
        }
    }
}
