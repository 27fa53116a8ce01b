using System.Text.Json.Serialization;

namespace ECms.Reports.Model;

/// <summary>RFC 2119 strength of a checklist item or a rule finding; written as in the spec (<c>MUST</c>).</summary>
[JsonConverter(typeof(UpperCaseEnumConverter<RequirementLevel>))]
public enum RequirementLevel
{
    Must,
    Should,
    Info,
}
