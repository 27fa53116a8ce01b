namespace ECms.Protocol.Rules.Support;

/// <summary>
/// A problem found by a shared check (a date, an organisation code, a file's content), in both languages. The rule
/// that asked turns it into a <see cref="Finding"/> with its own ID, path and value.
/// </summary>
internal sealed record Issue(RuleLevel Level, string MessageTh, string MessageEn)
{
    public static Issue Must(string th, string en) => new(RuleLevel.Must, th, en);

    public static Issue Should(string th, string en) => new(RuleLevel.Should, th, en);

    public static Issue Info(string th, string en) => new(RuleLevel.Info, th, en);

    /// <summary>The same issue, no higher than the level of the rule that reports it (e.g. a date inside a SHOULD rule).</summary>
    public Issue AtMost(RuleLevel ceiling) => Level > ceiling ? this with { Level = ceiling } : this;
}
