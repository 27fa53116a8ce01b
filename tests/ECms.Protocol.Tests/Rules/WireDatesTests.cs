using ECms.Protocol.Rules;
using ECms.Protocol.Rules.Support;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace ECms.Protocol.Tests.Rules;

/// <summary>The one date check every date rule shares (R-SEND-3, -9, -REF, R-NTF-1, R-DELDOC-1).</summary>
public class WireDatesTests
{
    private static readonly FakeTimeProvider Clock = new(Contexts.Now);

    public static IEnumerable<TestCaseData> Dates =>
    [
        new TestCaseData("2024-06-11", null),
        new TestCaseData("2025-06-11", null).SetArgDisplayNames("exactly a year ahead"),
        new TestCaseData("1900-01-01", null),
        new TestCaseData("2024-02-29", null).SetArgDisplayNames("leap day"),
        new TestCaseData("2025-06-12", RuleLevel.Must).SetArgDisplayNames("a year and a day ahead"),
        new TestCaseData("2023-02-29", RuleLevel.Must).SetArgDisplayNames("no leap day in 2023"),
        new TestCaseData("2567-06-11", RuleLevel.Must).SetArgDisplayNames("Buddhist era"),
        new TestCaseData("2400-01-01", RuleLevel.Must).SetArgDisplayNames("first Buddhist-era year judged"),
        new TestCaseData("2399-12-31", RuleLevel.Must).SetArgDisplayNames("Gregorian but far future"),
        new TestCaseData("1899-12-31", RuleLevel.Should),
        new TestCaseData("", RuleLevel.Must),
        new TestCaseData("2024-6-11", RuleLevel.Must),
        new TestCaseData(" 2024-06-11", RuleLevel.Must),
        new TestCaseData("๒๕๖๗-๐๖-๑๑", RuleLevel.Must),
    ];

    [TestCaseSource(nameof(Dates))]
    public void CheckDate_Text_HasTheExpectedLevel(string text, RuleLevel? expected)
    {
        var issue = WireDates.CheckDate("CorrespondenceDate", text, Clock);

        issue?.Level.ShouldBe(expected!.Value);
        (issue is null).ShouldBe(expected is null, issue?.MessageEn);
    }

    [Test]
    public void CheckDate_BuddhistEraYear_NamesTheTrapAndTheGregorianDate()
    {
        var issue = WireDates.CheckDate("CorrespondenceDate", "2567-06-11", Clock);

        issue.ShouldNotBeNull();
        issue.MessageEn.ShouldContain("Buddhist-era");
        issue.MessageEn.ShouldContain("2024-06-11");
        issue.MessageTh.ShouldContain("พุทธศักราช");
        issue.MessageTh.ShouldContain("2024-06-11");
    }

    [Test]
    public void CheckDate_ClockMovesOn_FutureLimitMovesWithIt()
    {
        var clock = new FakeTimeProvider(Contexts.Now);
        clock.Advance(TimeSpan.FromDays(1));

        var issue = WireDates.CheckDate("CorrespondenceDate", "2025-06-12", clock);

        issue.ShouldBeNull();
    }
}
