using ECms.Protocol.Rules;

namespace ECms.Protocol.Tests.Rules;

/// <summary>
/// One row of a rule table (NodaTime PatternTestBase style): a document, the context it arrives in, and what one rule
/// must say about it — a finding at a level and path, or nothing at all.
/// </summary>
public sealed record RuleCase(string RuleId, string Description, TestDocument Document, RuleContext Context, RuleLevel? Level, string? Path, string? Value)
{
    public static RuleCase Fails(string ruleId, string description, TestDocument document, RuleLevel level, string path, RuleContext? context = null, string? value = null) =>
        new(ruleId, description, document, context ?? Contexts.Offline(), level, path, value);

    public static RuleCase Passes(string ruleId, string description, TestDocument document, RuleContext? context = null) =>
        new(ruleId, description, document, context ?? Contexts.Offline(), null, null, null);

    public override string ToString() => $"{RuleId}: {Description}";
}
