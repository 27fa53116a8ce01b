namespace ECms.Protocol.Rules;

/// <summary>
/// One rule's verdict on one place in a message: a full sentence in Thai and in English, and the evidence —
/// the element path and the offending value as it came.
/// </summary>
public sealed record Finding(string RuleId, RuleLevel Level, string MessageTh, string MessageEn, string Path, string? Value = null)
{
    public override string ToString() =>
        $"{RuleId} [{Level.ToString().ToUpperInvariant()}] {Path}: {MessageEn}{(Value is null ? "" : $" (value: \"{Truncate(Value)}\")")}";

    private static string Truncate(string value) => value.Length <= 80 ? value : value[..77] + "…";
}
