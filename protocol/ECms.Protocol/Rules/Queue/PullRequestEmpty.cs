using ECms.Protocol.Rules.Support;

namespace ECms.Protocol.Rules.Queue;

/// <summary>R-PULL-1 (spec §5.3): the pull request is an empty <c>CorrespondenceLetterInboundRequest</c>, no children, no text.</summary>
public sealed class PullRequestEmpty : Rule
{
    private static readonly ElementShape Shape = ElementShape.Empty(OperationNames.InboundRequest);

    public override string Id => "R-PULL-1";
    public override RuleLevel Level => RuleLevel.Must;
    public override string Title => "Pull request is an empty CorrespondenceLetterInboundRequest";

    public override bool AppliesTo(Operation operation) => operation == Operation.Pull;

    public override IEnumerable<Finding> Check(RuleContext context) =>
        context.Envelope?.OperationElement is { } pull
            ? ShapeCheck.Check(pull, Shape, "§5.3").Select(p => Violation(p.MessageTh, p.MessageEn, p.Path, p.Value))
            : [];
}
