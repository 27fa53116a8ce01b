using ECms.Protocol.Rules.Support;
using ECms.Protocol.Wire;

namespace ECms.Protocol.Rules.Letter;

/// <summary>
/// R-SEND-3: ram:CorrespondenceDate is <c>yyyy-MM-dd</c>, a real date, Gregorian (a year ≥ 2400 is Buddhist-era)
/// and not more than a year ahead of the clock.
/// </summary>
public sealed class CorrespondenceDateGregorian : Rule
{
    public override string Id => "R-SEND-3";
    public override RuleLevel Level => RuleLevel.Must;
    public override string Title => "CorrespondenceDate yyyy-MM-dd, Gregorian, plausible";

    public override bool AppliesTo(Operation operation) => operation == Operation.SendLetter;

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        if (LetterXml.Field(context, "CorrespondenceDate") is { } date
            && WireDates.CheckDate("ram:CorrespondenceDate", date.Value, context.Clock) is { } issue)
        {
            yield return Violation(issue.Level, issue.MessageTh, issue.MessageEn, XmlPaths.Of(date), date.Value);
        }
    }
}
