using System.Xml.Linq;
using ECms.Protocol.Lifecycle;
using ECms.Protocol.Messages;
using ECms.Protocol.Rules.Support;
using ECms.Protocol.Wire;
using static ECms.Protocol.Rules.Support.ElementShape;

namespace ECms.Protocol.Rules.Queue;

/// <summary>
/// R-DELDOC-1 (spec §5.5): <c>CorrespondenceDeleteGovernmentDocumentRequest</c> has LetterID, CorrespondenceDate,
/// SenderDepartment/Code, AcceptDepartment/Code in that order, all filled in (the date by the shared date check, the
/// codes by the shared organisation-code check). With context: the sender department is the caller, the letter
/// exists, and <see cref="LetterLifecycle"/> allows withdrawing it from its state (tolerated moves warn).
/// </summary>
public sealed class WithdrawRequestValid : Rule
{
    private static readonly ElementShape Shape = Sequence(OperationNames.WithdrawRequest, null, 1, 1,
        Text("LetterID"),
        Text("CorrespondenceDate"),
        Sequence("SenderDepartment", null, 1, 1, Text("Code")),
        Sequence("AcceptDepartment", null, 1, 1, Text("Code")));

    public override string Id => "R-DELDOC-1";
    public override RuleLevel Level => RuleLevel.Must;
    public override string Title => "Withdrawal complete, by the sender, of an existing letter in a withdrawable state";

    public override bool AppliesTo(Operation operation) => operation == Operation.WithdrawLetter;

    public override bool ReadsHubState => true;

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        if (context.Envelope?.OperationElement is not { } request)
        {
            yield break;
        }

        var complete = true;
        foreach (var problem in ShapeCheck.Check(request, Shape, "§5.5"))
        {
            complete = false;
            yield return Violation(problem.MessageTh, problem.MessageEn, problem.Path, problem.Value);
        }

        foreach (var issue in CheckValues(request, context))
        {
            complete &= issue.Level != RuleLevel.Must;
            yield return issue;
        }

        if (!complete || context.Request is not WithdrawLetterRequest withdraw)
        {
            yield break;
        }

        var sender = SenderRole.DepartmentCode(request, "SenderDepartment")!;
        if (context.CallerOrganizationId is { } caller && withdraw.SenderDepartmentCode != caller)
        {
            yield return Violation($"SenderDepartment/Code \"{withdraw.SenderDepartmentCode}\" ต้องเป็นหน่วยงานผู้เรียก ({caller}) มีเพียงผู้ส่งเท่านั้นที่ขอลบหนังสือได้",
                $"SenderDepartment/Code \"{withdraw.SenderDepartmentCode}\" must be the caller ({caller}); only the sender may withdraw its letter.",
                XmlPaths.Of(sender), withdraw.SenderDepartmentCode);
        }

        if (context.Letters is not { } letters)
        {
            yield break;
        }

        var key = new LetterKey(withdraw.SenderDepartmentCode, withdraw.AcceptDepartmentCode, withdraw.LetterId, withdraw.CorrespondenceDate);
        if (letters.Find(key) is not { } letter)
        {
            yield return Violation($"ไม่พบหนังสือเลขที่ \"{key.LetterId}\" ลงวันที่ {key.CorrespondenceDate} จาก {key.SenderOrganizationId} ถึง {key.ReceiverOrganizationId}",
                $"No letter {key} exists to withdraw.", XmlPaths.Of(EcmsReader.Child(request, "LetterID")!), key.LetterId);
            yield break;
        }

        // A refused or tolerated state is about the request as a whole, not one of its fields.
        var path = XmlPaths.Of(request);
        var verdict = LetterLifecycle.Evaluate(letter.State, LetterEvent.Withdraw, context.Profile);
        if (!verdict.Allowed)
        {
            yield return Violation($"ขอลบหนังสือที่อยู่ในสถานะ {letter.State} ไม่ได้: {verdict.Refusal}",
                $"The letter cannot be withdrawn while it is {letter.State}: {verdict.Refusal}.", path, letter.State.ToString());
        }
        else if (verdict.Warning is { } warning)
        {
            yield return Violation(RuleLevel.Should, $"ขอลบหนังสือในสถานะ {letter.State} ได้ แต่ผิดขั้นตอนปกติ: {warning}",
                $"Withdrawing the letter while it is {letter.State} is accepted, but out of the usual order: {warning}.", path, letter.State.ToString());
        }
    }

    private IEnumerable<Finding> CheckValues(XElement request, RuleContext context)
    {
        if (EcmsReader.Child(request, "LetterID") is { } letterId && WireText.IsBlank(letterId.Value))
        {
            yield return Violation("LetterID ว่างเปล่า ต้องเป็นเลขที่ของหนังสือที่ขอลบ", "LetterID is empty; it must be the number of the letter to withdraw.",
                XmlPaths.Of(letterId), letterId.Value);
        }

        if (EcmsReader.Child(request, "CorrespondenceDate") is { } date && WireDates.CheckDate("CorrespondenceDate", date.Value, context.Clock) is { } dateIssue)
        {
            yield return Violation(dateIssue.Level, dateIssue.MessageTh, dateIssue.MessageEn, XmlPaths.Of(date), date.Value);
        }

        foreach (var department in new[] { "SenderDepartment", "AcceptDepartment" })
        {
            if (SenderRole.DepartmentCode(request, department) is { } code && OrganizationCodes.CheckFormat($"{department}/Code", code.Value) is { } codeIssue)
            {
                yield return Violation(codeIssue.Level, codeIssue.MessageTh, codeIssue.MessageEn, XmlPaths.Of(code), code.Value);
            }
        }
    }
}
