using System.Globalization;
using System.Text;
using ECms.Protocol.Rules;

namespace ECms.Cli.Validation;

/// <summary>One block per file: verdict, then a table of findings (level, rule, path, message in English and Thai).</summary>
internal sealed class TextValidationFormatter : IValidationFormatter
{
    public string Format(IReadOnlyList<FileValidation> results)
    {
        var text = new StringBuilder();
        foreach (var result in results)
        {
            var report = result.Report!;
            var verdict = report.IsValid ? "VALID" : "INVALID";
            text.AppendLine(CultureInfo.InvariantCulture, $"{result.File}: {verdict} — {report.Operation}, {Count(report, RuleLevel.Must)} MUST, {Count(report, RuleLevel.Should)} SHOULD, {Count(report, RuleLevel.Info)} INFO");
            if (report.Findings.Count == 0)
            {
                continue;
            }

            var ruleWidth = report.Findings.Max(f => f.RuleId.Length);
            var pathWidth = Math.Min(60, report.Findings.Max(f => f.Path.Length));
            foreach (var finding in report.Findings.OrderByDescending(f => f.Level))
            {
                text.Append("  ")
                    .Append(LevelNames.Of(finding.Level).PadRight(6)).Append("  ")
                    .Append(finding.RuleId.PadRight(ruleWidth)).Append("  ")
                    .Append(finding.Path.PadRight(pathWidth)).Append("  ")
                    .AppendLine(finding.MessageEn);
                text.Append(' ', 2 + 6 + 2 + ruleWidth + 2 + pathWidth + 2).AppendLine(finding.MessageTh);
                if (finding.Value is not null)
                {
                    text.Append(' ', 2 + 6 + 2 + ruleWidth + 2 + pathWidth + 2).AppendLine(CultureInfo.InvariantCulture, $"value: \"{Shorten(finding.Value)}\"");
                }
            }
        }

        var invalid = results.Count(r => !r.Report!.IsValid);
        text.AppendLine(CultureInfo.InvariantCulture, $"{results.Count} file(s) checked, {invalid} invalid.");
        return text.ToString();
    }

    private static int Count(ValidationReport report, RuleLevel level) => report.Findings.Count(f => f.Level == level);

    private static string Shorten(string value) => value.Length <= 80 ? value : value[..77] + "…";
}
