namespace ECms.Protocol.Rules;

/// <summary>MUST findings fail a message, SHOULD findings warn, INFO findings only inform (spec §7).</summary>
public enum RuleLevel
{
    Info,
    Should,
    Must,
}
