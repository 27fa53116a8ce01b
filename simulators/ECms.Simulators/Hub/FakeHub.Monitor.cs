using ECms.Protocol;
using ECms.Simulators.DevHub;

namespace ECms.Simulators.Hub;

/// <summary>What the dev hub's monitor shows of each letter, read in one hold of the state lock.</summary>
public sealed partial class FakeHub
{
    internal IReadOnlyList<MonitorLetter> MonitorLetters()
    {
        lock (_state.Gate)
        {
            return _state.Letters.Select(ToMonitor).ToArray();
        }
    }

    internal MonitorLetter? MonitorLetter(string submissionProcessId)
    {
        lock (_state.Gate)
        {
            return _state.Letters.Where(l => l.SubmissionProcessId == submissionProcessId).Select(ToMonitor).FirstOrDefault();
        }
    }

    private static MonitorLetter ToMonitor(HubLetter letter)
    {
        DateTimeOffset? At(string happening) => letter.History.FirstOrDefault(h => h.Event == happening)?.At;
        var item = letter.LetterItem;
        var receipt = letter.NotifierItems.LastOrDefault(n => n.Notifier!.Kind == NotifierKind.AcceptLetter);
        return new MonitorLetter(
            letter.ToView(),
            letter.Summary.SecretCode,
            letter.Summary.SpeedCode,
            PulledAt: item?.FirstPulledAt ?? item?.DeletedAt,
            PullCount: item?.PullCount ?? 0,
            DeliveredAt: At("ReceiverDeletedLetterItem"),
            AcknowledgedAt: At(NotifierKind.ReceiveLetter.ElementName()),
            RegisteredAt: At(NotifierKind.AcceptLetter.ElementName()),
            CollectedAt: receipt?.DeletedAt,
            RejectedAt: At(NotifierKind.RejectLetter.ElementName()),
            InvalidAt: At(NotifierKind.InvalidLetter.ElementName()),
            WithdrawnAt: At("Withdraw"));
    }
}
