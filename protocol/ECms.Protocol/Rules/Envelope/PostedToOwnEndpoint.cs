using ECms.Protocol.Rules.Support;

namespace ECms.Protocol.Rules.Envelope;

/// <summary>
/// R-ENV-4: a saraban system posts every request to its own endpoint (spec §1.2), so the organisation in the
/// payload's sender role is the endpoint owner. Needs the caller. For a letter and a withdrawal the same fact is also
/// R-SEND-8's and R-DELDOC-1's (each checklist item reports it); notifiers are judged by R-NTF-ROLE.
/// </summary>
public sealed class PostedToOwnEndpoint : Rule
{
    public override string Id => "R-ENV-4";
    public override RuleLevel Level => RuleLevel.Must;
    public override string Title => "Request posted to the caller's own endpoint";

    public override bool AppliesTo(Operation operation) =>
        operation is Operation.SendLetter or Operation.WithdrawLetter or Operation.SpecialRequest;

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        if (context.CallerOrganizationId is not { } caller)
        {
            yield break;
        }

        var claims = SenderRole.Of(context).ToArray();
        if (claims.Length == 0 || claims.Any(c => c.OrganizationId == caller))
        {
            yield break;
        }

        var claim = claims[0];
        yield return Violation(
            $"คำขอมาถึง endpoint ของหน่วยงาน {caller} แต่ {claim.Field} ระบุหน่วยงาน {claim.OrganizationId} ระบบสารบรรณต้องส่งคำขอไปยัง endpoint ของตนเองเสมอ",
            $"The request arrived at the endpoint of {caller}, but {claim.Field} names {claim.OrganizationId}; a saraban system always posts to its own endpoint.",
            claim.Path, claim.OrganizationId);
    }
}
