using Reqnroll;

namespace ECms.Conformance.NUnitBridge.Tests.Steps;

[Binding]
public sealed class JournalSteps(Journal journal)
{
    // Empty at the start of every scenario, or context injection leaked state between scenarios.
    [Given("a fresh journal")]
    public void GivenAFreshJournal() => journal.Entries.ShouldBeEmpty();

    [Given("the journal records {string}")]
    [When("the journal records {string}")]
    public void Record(string entry) => journal.Entries.Add(entry);

    [When("the journal records the text")]
    public void RecordText(string text) => journal.Entries.Add(text);

    [When("the journal records the rows")]
    public void RecordRows(DataTable rows) => journal.Entries.AddRange(rows.Rows.Select(r => r["entry"]));

    [Then("the journal reads {string}")]
    public void ThenTheJournalReads(string expected) => string.Join(", ", journal.Entries).ShouldBe(expected);

    [Then("the last entry has {int} lines")]
    public void ThenTheLastEntryHasLines(int lines) => journal.Entries[^1].Split('\n').Length.ShouldBe(lines);

    [Then("this step fails if it runs")]
    public static void ThisStepFailsIfItRuns() => throw new InvalidOperationException("A step that must not run was executed.");
}
