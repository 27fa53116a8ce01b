using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace ECms.Cli.Validation;

/// <summary>
/// <c>[{"file", "operation", "valid", "findings": [{"rule", "level", "message", "path"}]}]</c>, plus the Thai message
/// and the offending value. Thai is written as UTF-8, not \u escapes, so the output stays readable.
/// </summary>
internal sealed class JsonValidationFormatter : IValidationFormatter
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public string Format(IReadOnlyList<FileValidation> results)
    {
        var files = results.Select(r => new
        {
            file = r.File,
            operation = r.Report!.Operation.ToString(),
            valid = r.Report.IsValid,
            findings = r.Report.Findings.Select(f => new
            {
                rule = f.RuleId,
                level = LevelNames.Of(f.Level),
                message = f.MessageEn,
                messageTh = f.MessageTh,
                path = f.Path,
                value = f.Value,
            }),
        });
        return JsonSerializer.Serialize(files, Options) + Environment.NewLine;
    }
}
