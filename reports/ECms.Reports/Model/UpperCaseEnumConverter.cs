using System.Text.Json;
using System.Text.Json.Serialization;

namespace ECms.Reports.Model;

/// <summary>Writes <c>Must</c> as <c>MUST</c>, the way the checklist and the rule catalogue spell levels.</summary>
internal sealed class UpperCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.SnakeCaseUpper, allowIntegerValues: false)
    where TEnum : struct, Enum;
