using System.Text.Json.Serialization;

namespace ECms.Reports.Model;

/// <summary>The report vocabulary of STYLE.md (Inferno/OpenID): one verdict per checklist item.</summary>
[JsonConverter(typeof(StrictEnumConverter<Verdict>))]
public enum Verdict
{
    /// <summary>The SUT did what the item requires.</summary>
    Passed,

    /// <summary>A MUST was broken.</summary>
    Failed,

    /// <summary>A SHOULD was broken.</summary>
    Warning,

    /// <summary>The profile says the item does not apply to this SUT.</summary>
    NotApplicable,

    /// <summary>The suite has no scenario for the item (the reason comes from checklist.csv).</summary>
    NotTested,

    /// <summary>The harness broke, not the SUT; also what is left when the SUT died before the item ran.</summary>
    Error,
}
