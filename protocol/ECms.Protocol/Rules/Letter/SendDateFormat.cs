using ECms.Protocol.Rules.Support;
using ECms.Protocol.Wire;

namespace ECms.Protocol.Rules.Letter;

/// <summary>
/// R-SEND-9: ram:SendDate is <c>yyyy-MM-ddTHH:mm:ss</c> Thai local time; the 1.x date-only form is INFO, another
/// ISO form a warning, anything else — or a Buddhist-era or impossible date — a failure.
/// </summary>
public sealed class SendDateFormat : Rule
{
    public override string Id => "R-SEND-9";
    public override RuleLevel Level => RuleLevel.Must;
    public override string Title => "SendDate yyyy-MM-ddTHH:mm:ss";

    public override bool AppliesTo(Operation operation) => operation == Operation.SendLetter;

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        if (LetterXml.Field(context, "SendDate") is not { } sendDate)
        {
            yield break;
        }

        foreach (var issue in WireDates.CheckDateTime("ram:SendDate", sendDate.Value, context.Clock))
        {
            yield return Violation(issue.Level, issue.MessageTh, issue.MessageEn, XmlPaths.Of(sendDate), sendDate.Value);
        }
    }
}
