namespace ECms.Protocol.Rules;

/// <summary>Strict = certification; lenient = as the real hub behaves as far as we know (spec §0, §6.2).</summary>
public enum ValidationProfile
{
    Strict,
    Lenient,
}
