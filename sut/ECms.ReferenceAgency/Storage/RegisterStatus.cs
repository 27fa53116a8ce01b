namespace ECms.ReferenceAgency.Storage;

/// <summary>The status words of the control API (sut-control-api.md) for both registers, also used as stored text.</summary>
internal static class RegisterStatus
{
    private static readonly Dictionary<OutboundState, string> Outbound = new()
    {
        [OutboundState.Unsent] = "unsent",
        [OutboundState.OutcomeUnknown] = "outcome-unknown",
        [OutboundState.Sent] = "sent",
        [OutboundState.ReceivedByPeer] = "received-by-peer",
        [OutboundState.Accepted] = "accepted",
        [OutboundState.Rejected] = "rejected",
        [OutboundState.Invalid] = "invalid",
        [OutboundState.Withdrawn] = "withdrawn",
        [OutboundState.AcceptIdDisputed] = "accept-id-disputed",
    };

    private static readonly Dictionary<InboundState, string> Inbound = new()
    {
        [InboundState.Received] = "received",
        [InboundState.Acknowledged] = "acknowledged",
        [InboundState.Registered] = "registered",
        [InboundState.Rejected] = "rejected",
        [InboundState.ReportedInvalid] = "reported-invalid",
        [InboundState.AcceptIdDisputed] = "accept-id-disputed",
    };

    public static string Name(OutboundState state) => Outbound[state];

    public static string Name(InboundState state) => Inbound[state];

    public static OutboundState ParseOutbound(string name) => Outbound.First(p => p.Value == name).Key;

    public static InboundState ParseInbound(string name) => Inbound.First(p => p.Value == name).Key;

    /// <summary>The hub knows the letter: it is in the outbound listing and blocks another letter with the same key until withdrawn.</summary>
    public static bool IsAtHub(OutboundState state) => state is not (OutboundState.Unsent or OutboundState.OutcomeUnknown);

    public static bool IsActiveAtHub(OutboundState state) => IsAtHub(state) && state != OutboundState.Withdrawn;

    /// <summary>The letter is still being worked on; a rejected or reported-invalid letter is closed, and the same key may come again.</summary>
    public static bool IsOpen(InboundState state) => state is not (InboundState.Rejected or InboundState.ReportedInvalid);
}
