using ECms.Simulators.Hub;

namespace ECms.Simulators.DevHub;

/// <summary>
/// A letter's place in the exchange of FAQ item 13 as the hub can see it: sent → pulled by the receiver →
/// acknowledged → receipt number sent back → collected by the sender. (The sixth step, the sender recording the
/// receipt number, happens inside the sender's own system.)
/// </summary>
internal sealed record MonitorLetter(
    HubLetterView View,
    string SecretCode,
    string SpeedCode,
    DateTimeOffset? PulledAt,
    int PullCount,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset? AcknowledgedAt,
    DateTimeOffset? RegisteredAt,
    DateTimeOffset? CollectedAt,
    DateTimeOffset? RejectedAt,
    DateTimeOffset? InvalidAt,
    DateTimeOffset? WithdrawnAt)
{
    /// <summary>The furthest step reached (a refusal or withdrawal ends the story instead).</summary>
    public MonitorStep Step =>
        WithdrawnAt is not null && View.State == Protocol.Lifecycle.LetterState.Withdrawn ? MonitorStep.Withdrawn
        : RejectedAt is not null ? MonitorStep.Rejected
        : InvalidAt is not null ? MonitorStep.Invalid
        : CollectedAt is not null ? MonitorStep.Collected
        : RegisteredAt is not null ? MonitorStep.ReceiptNumber
        : AcknowledgedAt is not null ? MonitorStep.Acknowledged
        : PulledAt is not null ? MonitorStep.Pulled
        : MonitorStep.Sent;

    public bool Involves(string organizationId) =>
        View.Key.SenderOrganizationId == organizationId || View.Key.ReceiverOrganizationId == organizationId;
}
