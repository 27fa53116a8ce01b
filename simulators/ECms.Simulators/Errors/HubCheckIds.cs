namespace ECms.Simulators.Errors;

/// <summary>IDs of the hub's own checks where spec §7 has no rule to name them.</summary>
public static class HubCheckIds
{
    /// <summary>CorrespondenceLetterInboundSpecialRequest: item kind known, caller a party, letter and item found.</summary>
    public const string SpecialRequest = "HUB-SPECIAL";
}
