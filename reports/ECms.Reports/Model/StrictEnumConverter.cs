using System.Text.Json.Serialization;

namespace ECms.Reports.Model;

/// <summary>Verdicts are written and read by name only: a bare number in report.json is a broken report, not a verdict.</summary>
internal sealed class StrictEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(namingPolicy: null, allowIntegerValues: false)
    where TEnum : struct, Enum;
