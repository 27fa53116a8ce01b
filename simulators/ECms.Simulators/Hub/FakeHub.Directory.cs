using ECms.Protocol;
using ECms.Protocol.Lifecycle;
using ECms.Protocol.Messages;

namespace ECms.Simulators.Hub;

/// <summary>Ops 11–17 (spec §5.7): directory and code lists, the caller's outbound status, the hub clock.</summary>
public sealed partial class FakeHub
{
    private Plan PlanDirectory(Call call, Operation operation) => Plan.Answer(now => new PendingReply(operation switch
    {
        Operation.GetOrganizationList => new OrganizationListResponse(_directory.Agencies.Select(a => a.Info).ToArray()),
        Operation.GetMinistryOrganizationList => new MinistryListResponse(Options.CodeLists.Ministries),
        Operation.GetSecretCodes => new CodeListResponse(Operation.GetSecretCodes, Options.CodeLists.SecretCodes),
        Operation.GetSpeedCodes => new CodeListResponse(Operation.GetSpeedCodes, Options.CodeLists.SpeedCodes),
        Operation.GetMimeCodes => new MimeCodesResponse(Options.CodeLists.MimeTypes),
        Operation.OutboundStatus => new OutboundStatusResponse(_state.Letters
            .Where(l => l.Key.SenderOrganizationId == call.Caller)
            .Select(l => new OutboundStatus(l.SubmissionProcessId, l.Key.LetterId, ProcessStatusOf(l)))
            .ToArray()),
        Operation.TimeCheck => new TimeCheckResponse(WireFormats.FormatProcessTime(now)),
        _ => throw new InvalidOperationException($"{operation} is not a directory operation."),
    }));

    /// <summary>Harness-defined ProcessStatus values (spec §5.7): QUEUED until the receiver deletes its item, then DELIVERED; DELETED once withdrawn.</summary>
    private static string ProcessStatusOf(HubLetter letter) =>
        letter.State == LetterState.Withdrawn ? "DELETED"
        : letter.LetterItem is { IsDeleted: false } ? "QUEUED"
        : "DELIVERED";
}
