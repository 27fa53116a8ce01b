using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ECms.ReferenceAgency.ControlApi;

/// <summary>JSON of the control API: camelCase, Thai written as UTF-8 text rather than \u escapes, nulls written out.</summary>
internal static class ControlApiJson
{
    public const string ContentType = "application/json; charset=utf-8";

    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        // The API is read by programs and by people checking Thai text; it is never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };
}
