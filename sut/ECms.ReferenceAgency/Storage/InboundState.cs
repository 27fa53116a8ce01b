namespace ECms.ReferenceAgency.Storage;

/// <summary>A letter in the inbound (receiving) register; the names are the contract's inbound statuses.</summary>
internal enum InboundState
{
    Received,
    Acknowledged,
    Registered,
    Rejected,
    ReportedInvalid,
    AcceptIdDisputed,
}
