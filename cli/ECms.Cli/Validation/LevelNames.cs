using ECms.Protocol.Rules;

namespace ECms.Cli.Validation;

internal static class LevelNames
{
    public static string Of(RuleLevel level) => level switch
    {
        RuleLevel.Must => "MUST",
        RuleLevel.Should => "SHOULD",
        _ => "INFO",
    };
}
