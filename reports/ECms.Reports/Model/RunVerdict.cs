using System.Text.Json.Serialization;

namespace ECms.Reports.Model;

/// <summary>The run as a whole: Failed when any item failed, Error when the harness broke (a configuration error too).</summary>
[JsonConverter(typeof(StrictEnumConverter<RunVerdict>))]
public enum RunVerdict
{
    Passed,
    Failed,
    Error,
}
