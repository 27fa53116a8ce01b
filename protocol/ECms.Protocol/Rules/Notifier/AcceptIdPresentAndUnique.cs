using ECms.Protocol.Rules.Support;
using ECms.Protocol.Wire;

namespace ECms.Protocol.Rules.Notifier;

/// <summary>
/// R-NTF-ACC: an AcceptLetterNotifier's AcceptID (the receiver's receipt number) is not blank, and is not already the
/// receipt number of another of the receiver's letters [INF: MUST in the strict profile, SHOULD in the lenient one].
/// The uniqueness part needs the caller and a registry that is also an <see cref="IAcceptIdRegistry"/>.
/// </summary>
public sealed class AcceptIdPresentAndUnique : Rule
{
    public override string Id => "R-NTF-ACC";
    public override RuleLevel Level => RuleLevel.Must;
    public override string Title => "AcceptID present and unique for the receiver";

    public override bool AppliesTo(Operation operation) => operation == Operation.SendAcceptLetterNotifier;

    public override bool ReadsHubState => true;

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        if (EcmsReader.Child(context.Envelope?.OperationElement?.Elements().FirstOrDefault(), "AcceptID") is not { } acceptId)
        {
            yield break;
        }

        var value = acceptId.Value.Trim();
        if (value.Length == 0)
        {
            yield return Violation("AcceptID (เลขรับ) ของ AcceptLetterNotifier ว่างเปล่า", "The AcceptID (receipt number) of the AcceptLetterNotifier is empty.",
                XmlPaths.Of(acceptId), acceptId.Value);
            yield break;
        }

        if (context.Letters is not IAcceptIdRegistry registry || context.CallerOrganizationId is not { } receiver || context.Request is not Messages.SendNotifierRequest request)
        {
            yield break;
        }

        var notifier = request.Notifier;
        var other = registry.FindByAcceptId(receiver, value).FirstOrDefault(r =>
            r.Key.ReceiverOrganizationId != receiver || r.Key.LetterId != notifier.LetterId || r.Key.CorrespondenceDate != notifier.CorrespondenceDate);
        if (other is not null)
        {
            yield return Violation(context.IsStrict ? RuleLevel.Must : RuleLevel.Should,
                $"เลขรับ \"{value}\" ใช้กับหนังสือ {other.Key.LetterId} ({other.Key.CorrespondenceDate}) ไปแล้ว เลขทะเบียนรับต้องไม่ซ้ำกัน",
                $"The receipt number \"{value}\" is already that of letter {other.Key}; a receiver's receipt numbers are unique.",
                XmlPaths.Of(acceptId), value);
        }
    }
}
