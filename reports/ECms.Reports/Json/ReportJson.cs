using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ECms.Reports.Model;

namespace ECms.Reports.Json;

/// <summary>
/// Reads and writes <c>report.json</c> and the <c>exchanges.ndjson</c> journal: camelCase, UTF-8 without BOM, Thai
/// left readable (not <c>\u0E01</c>), LF line ends, so the same model always gives the same bytes.
/// </summary>
public static class ReportJson
{
    /// <summary>Options for <c>report.json</c>; nullable annotations are enforced so a broken file fails loudly on read.</summary>
    public static JsonSerializerOptions Options { get; } = Create(indented: true);

    private static readonly JsonSerializerOptions Compact = Create(indented: false);

    internal static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Serialize(RunReport report) => JsonSerializer.Serialize(report, Options) + "\n";

    public static byte[] SerializeToUtf8(RunReport report) => Utf8NoBom.GetBytes(Serialize(report));

    /// <exception cref="JsonException">The text is not a report (wrong shape, a required field missing or null).</exception>
    public static RunReport Deserialize(string json) =>
        JsonSerializer.Deserialize<RunReport>(json, Options) ?? throw new JsonException("report.json holds null, not a report.");

    public static RunReport Read(string path) => Deserialize(File.ReadAllText(path, Utf8NoBom));

    public static void Write(RunReport report, string path) => File.WriteAllBytes(path, SerializeToUtf8(report));

    /// <summary>The journal as NDJSON: one exchange per line in sequence order, for tools that stream it.</summary>
    public static string SerializeExchanges(IEnumerable<ExchangeRecord> exchanges)
    {
        var text = new StringBuilder();
        foreach (var exchange in exchanges.OrderBy(e => e.Sequence))
        {
            text.Append(JsonSerializer.Serialize(exchange, Compact)).Append('\n');
        }

        return text.ToString();
    }

    public static IReadOnlyList<ExchangeRecord> DeserializeExchanges(string ndjson) =>
        ndjson.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => JsonSerializer.Deserialize<ExchangeRecord>(line, Compact)
                ?? throw new JsonException("exchanges.ndjson holds a null line."))
            .ToList();

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            IndentSize = 2,
            NewLine = "\n",
            // Thai must stay readable in report.json; this file is never embedded in HTML or script.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            AllowTrailingCommas = false,
            ReadCommentHandling = JsonCommentHandling.Disallow,
            NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
