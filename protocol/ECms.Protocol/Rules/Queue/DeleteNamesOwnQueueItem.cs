using ECms.Protocol.Lifecycle;
using ECms.Protocol.Rules.Support;
using ECms.Protocol.Wire;

namespace ECms.Protocol.Rules.Queue;

/// <summary>
/// R-DEL-1 (spec §5.4): <c>CorrespondenceLetterDeleteRequest</c> holds exactly one non-blank ProcessID (capital P,
/// R-HUB-5) and, with the caller and the hub's queues, it is an item of the caller's own queue. Deleting an item
/// twice is an error in the strict profile and a warning in the lenient one, where retries are idempotent.
/// </summary>
public sealed class DeleteNamesOwnQueueItem : Rule
{
    private static readonly ElementShape Shape = ElementShape.Sequence(OperationNames.DeleteRequest, null, 1, 1, ElementShape.Text("ProcessID"));

    public override string Id => "R-DEL-1";
    public override RuleLevel Level => RuleLevel.Must;
    public override string Title => "Delete names a ProcessID of the caller's queue";

    public override bool AppliesTo(Operation operation) => operation == Operation.DeleteFromQueue;

    public override bool ReadsHubState => true;

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        if (context.Envelope?.OperationElement is not { } request)
        {
            yield break;
        }

        foreach (var problem in ShapeCheck.Check(request, Shape, "§5.4"))
        {
            yield return Violation(problem.MessageTh, problem.MessageEn, problem.Path, problem.Value);
        }

        if (EcmsReader.Child(request, "ProcessID") is not { } processId)
        {
            yield break;
        }

        var value = processId.Value.Trim();
        var path = XmlPaths.Of(processId);
        if (value.Length == 0)
        {
            yield return Violation("ProcessID ว่างเปล่า ต้องเป็นค่าที่ได้จากการดึงหนังสือ", "ProcessID is empty; it must be the value the pull returned.", path, processId.Value);
            yield break;
        }

        if (context.Queues is not { } queues || context.CallerOrganizationId is not { } caller)
        {
            yield break;
        }

        switch (queues.StatusOf(caller, value))
        {
            case QueueItemStatus.Unknown:
                yield return Violation($"ไม่มีรายการ ProcessID \"{value}\" ในคิวของหน่วยงาน {caller}",
                    $"ProcessID \"{value}\" is not an item of the queue of {caller}.", path, value);
                break;
            case QueueItemStatus.Foreign:
                yield return Violation($"ProcessID \"{value}\" เป็นรายการในคิวของหน่วยงานอื่น ไม่ใช่ของ {caller}",
                    $"ProcessID \"{value}\" belongs to another organisation's queue, not to that of {caller}.", path, value);
                break;
            case QueueItemStatus.Deleted:
                yield return Violation(context.IsStrict ? RuleLevel.Must : RuleLevel.Should,
                    $"รายการ ProcessID \"{value}\" ถูกลบออกจากคิวไปแล้ว",
                    $"The queue item with ProcessID \"{value}\" has already been deleted.", path, value);
                break;
        }
    }
}
