namespace ECms.ReferenceAgency.Storage;

/// <summary>
/// A letter in the outbound register. The first two never reached the listing: <see cref="Unsent"/> (the hub refused
/// it or was unreachable — safe to send again) and <see cref="OutcomeUnknown"/> (the request may have reached the hub;
/// a retry must find out first). The rest are the contract's outbound statuses.
/// </summary>
internal enum OutboundState
{
    Unsent,
    OutcomeUnknown,
    Sent,
    ReceivedByPeer,
    Accepted,
    Rejected,
    Invalid,
    Withdrawn,
    AcceptIdDisputed,
}
