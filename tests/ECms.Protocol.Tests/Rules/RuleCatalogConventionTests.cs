using System.Text.RegularExpressions;
using ECms.Protocol.Rules;
using Shouldly;

namespace ECms.Protocol.Tests.Rules;

public partial class RuleCatalogConventionTests
{
    /// <summary>
    /// Every single-message rule of spec §7, in spec order. R-PULL-2/3/4 are agency behaviour across exchanges (the
    /// suite judges them); R-HUB-1…7 are properties of the hub's writer.
    /// </summary>
    private static readonly string[] SpecRuleIds =
    [
        "R-ENV-0", "R-ENV-1", "R-ENV-2", "R-ENV-3", "R-ENV-4", "R-ENV-5", "R-ENV-6", "R-ENV-7", "R-ENV-8",
        "R-SEND-1", "R-SEND-2", "R-SEND-3", "R-SEND-4", "R-SEND-5", "R-SEND-6", "R-SEND-7", "R-SEND-8", "R-SEND-9",
        "R-SEND-MAIN", "R-SEND-ATT", "R-SEND-REF", "R-SEND-TXT", "R-SEND-DUP", "R-SEND-SIZE", "R-SEND-SIG",
        "R-NTF-1", "R-NTF-ECHO", "R-NTF-ROLE", "R-NTF-ACC", "R-NTF-IAC", "R-NTF-STATE",
        "R-PULL-1", "R-DEL-1", "R-DELDOC-1",
        "R-DIR-1", "R-DIR-2",
    ];

    private static readonly Dictionary<string, string> GroupFolders = new()
    {
        ["ENV"] = "Envelope",
        ["SEND"] = "Letter",
        ["NTF"] = "Notifier",
        ["PULL"] = "Queue",
        ["DEL"] = "Queue",
        ["DELDOC"] = "Queue",
        ["DIR"] = "Directory",
    };

    private static IEnumerable<RuleCase> AllTableCases =>
        EnvelopeRuleTests.Cases.Concat(LetterRuleTests.Cases).Concat(NotifierRuleTests.Cases).Concat(QueueRuleTests.Cases).Concat(DirectoryRuleTests.Cases);

    [Test]
    public void All_EveryRule_HasAUniqueIdInTheSpecPattern()
    {
        var ids = RuleCatalog.All.Select(r => r.Id).ToList();

        ids.ShouldBeUnique();
        ids.ShouldAllBe(id => SpecId().IsMatch(id));
    }

    [Test]
    public void All_ComparedWithSpecSection7_HoldsEveryRuleInSpecOrder()
    {
        var ids = RuleCatalog.All.Select(r => r.Id).ToArray();

        ids.ShouldBe(SpecRuleIds);
    }

    [Test]
    public void All_EveryRule_IsASealedClassInTheFolderOfItsGroup()
    {
        var misplaced = RuleCatalog.All
            .Where(r => !r.GetType().IsSealed || r.GetType().Namespace != $"ECms.Protocol.Rules.{GroupFolders[SpecId().Match(r.Id).Groups["group"].Value]}")
            .Select(r => $"{r.Id}: {r.GetType().FullName}")
            .ToList();

        misplaced.ShouldBeEmpty();
    }

    [Test]
    public void All_EveryRule_HasATitle()
    {
        var untitled = RuleCatalog.All.Where(r => string.IsNullOrWhiteSpace(r.Title)).Select(r => r.Id).ToList();

        untitled.ShouldBeEmpty();
    }

    [Test]
    public void RuleTables_EveryRuleInTheCatalogue_HasACaseThatTriggersItAndOneThatDoesNot()
    {
        var cases = AllTableCases.ToList();

        var untested = RuleCatalog.All
            .Where(r => !cases.Any(c => c.RuleId == r.Id && c.Level is not null) || !cases.Any(c => c.RuleId == r.Id && c.Level is null))
            .Select(r => r.Id)
            .ToList();

        untested.ShouldBeEmpty();
    }

    [Test]
    public void RuleTables_EveryCase_NamesACatalogueRule()
    {
        var unknown = AllTableCases.Select(c => c.RuleId).Distinct().Where(id => RuleCatalog.Find(id) is null).ToList();

        unknown.ShouldBeEmpty();
    }

    [TestCase("R-SEND-3")]
    [TestCase("R-DELDOC-1")]
    public void Find_CatalogueId_ReturnsThatRule(string id)
    {
        var rule = RuleCatalog.Find(id);

        rule.ShouldNotBeNull().Id.ShouldBe(id);
    }

    [Test]
    public void Find_UnknownId_ReturnsNull()
    {
        var rule = RuleCatalog.Find("R-SEND-99");

        rule.ShouldBeNull();
    }

    [GeneratedRegex("^R-(?<group>ENV|SEND|NTF|PULL|DEL|DELDOC|DIR)-(?:[0-9]+|[A-Z]+)$")]
    private static partial Regex SpecId();
}
