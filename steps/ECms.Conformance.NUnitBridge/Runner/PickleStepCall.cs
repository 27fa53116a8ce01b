using Io.Cucumber.Messages.Types;
using Reqnroll;

namespace ECms.Conformance.NUnitBridge.Runner;

/// <summary>
/// One pickle step as the matching <c>ITestRunner.GivenAsync/WhenAsync/ThenAsync/AndAsync</c> call.
/// The keyword comes from the AST step (pickles drop it); the text and argument come from the pickle,
/// so outline parameters are already substituted.
/// </summary>
internal sealed record PickleStepCall(StepKeywordType KeywordType, string Keyword, string Text, string? DocString, IReadOnlyList<IReadOnlyList<string>>? TableRows)
{
    public Task InvokeAsync(ITestRunner runner)
    {
        var table = CreateTable();
        return KeywordType switch
        {
            StepKeywordType.CONTEXT => runner.GivenAsync(Text, DocString, table, Keyword),
            StepKeywordType.ACTION => runner.WhenAsync(Text, DocString, table, Keyword),
            StepKeywordType.OUTCOME => runner.ThenAsync(Text, DocString, table, Keyword),
            // And/But/*: Reqnroll resolves these to the previous step's kind (Given if first), as for generated code.
            _ => runner.AndAsync(Text, DocString, table, Keyword),
        };
    }

    // A new Table per call: step bindings may mutate it.
    private Table? CreateTable()
    {
        if (TableRows is not { Count: > 0 })
        {
            return null;
        }

        var table = new Table(TableRows[0].ToArray());
        foreach (var row in TableRows.Skip(1))
        {
            table.AddRow(row.ToArray());
        }

        return table;
    }
}
