namespace ECms.Protocol.Rules;

/// <summary>
/// One rule of spec §7: its ID and level where it is declared, the operations it applies to, and a check that
/// yields a finding for every place that breaks it. Messages are full sentences in Thai and English.
/// </summary>
public abstract class Rule
{
    public abstract string Id { get; }

    /// <summary>The level of the rule's main requirement; a finding may carry a lower level for a SHOULD part.</summary>
    public abstract RuleLevel Level { get; }

    /// <summary>A short English title for listings.</summary>
    public abstract string Title { get; }

    public abstract bool AppliesTo(Operation operation);

    /// <summary>
    /// Whether the check reads the hub's live state: <see cref="RuleContext.Letters"/>, <see cref="RuleContext.Queues"/>
    /// or <see cref="RuleContext.SeenMessageIds"/>. The hub runs such rules inside its state lock, together with the
    /// change they judge, and every other rule before it takes the lock (a self-test holds rules to this).
    /// </summary>
    public virtual bool ReadsHubState => false;

    public abstract IEnumerable<Finding> Check(RuleContext context);

    protected Finding Violation(string messageTh, string messageEn, string path, string? value = null) =>
        new(Id, Level, messageTh, messageEn, path, value);

    protected Finding Violation(RuleLevel level, string messageTh, string messageEn, string path, string? value = null) =>
        new(Id, level, messageTh, messageEn, path, value);
}
