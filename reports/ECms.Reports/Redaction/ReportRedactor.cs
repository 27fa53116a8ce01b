using ECms.Reports.Model;
using ECms.Reports.Text;

namespace ECms.Reports.Redaction;

/// <summary>
/// Makes a report fit to share outside the agency: names and positions (GivenName, FamilyName, JobTitle) are taken
/// out of every SOAP body and, wherever the same values appear, out of the report's own text; payloads become size +
/// hash. Each exchange keeps the SHA-256 of its original bodies, so the agency can still prove which messages these were.
/// </summary>
public static class ReportRedactor
{
    public static RunReport Redact(RunReport report, RedactionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        options ??= RedactionOptions.Default;
        var bodies = new SoapBodyRedactor(options);

        // Bodies first: they are where the values are learnt that are then swept from everything else.
        var exchanges = report.Exchanges.Select(exchange => exchange with
        {
            RequestSha256 = exchange.RequestSha256 ?? HashOf(exchange.RequestBody),
            ResponseSha256 = exchange.ResponseSha256 ?? HashOf(exchange.ResponseBody),
            RequestBody = exchange.RequestBody is null ? null : bodies.Redact(exchange.RequestBody),
            ResponseBody = exchange.ResponseBody is null ? null : bodies.Redact(exchange.ResponseBody),
        }).ToList();

        var sweep = new TextSweep(bodies.Harvested, options);
        return report with
        {
            Exchanges = exchanges.Select(exchange => exchange with
            {
                RequestBody = sweep.Apply(exchange.RequestBody),
                ResponseBody = sweep.Apply(exchange.ResponseBody),
                Findings = exchange.Findings.Select(sweep.Apply).ToList(),
                Errors = exchange.Errors.Select(error => error with { Description = sweep.Apply(error.Description) }).ToList(),
            }).ToList(),
            Items = report.Items.Select(item => item with
            {
                Message = sweep.Apply(item.Message),
                Expected = sweep.Apply(item.Expected),
                Actual = sweep.Apply(item.Actual),
                Hint = sweep.Apply(item.Hint),
                Findings = item.Findings.Select(sweep.Apply).ToList(),
            }).ToList(),
            Redaction = new RedactionInfo { Elements = options.Elements, PayloadsElided = options.ElidePayloads },
        };
    }

    private static string? HashOf(string? body) => body is null ? null : Hashing.Sha256Hex(body);

    /// <summary>Replaces every harvested value in free text, longest first so a full name goes before its parts.</summary>
    private sealed class TextSweep(IEnumerable<string> values, RedactionOptions options)
    {
        private readonly List<string> _values = values.OrderByDescending(value => value.Length).ThenBy(value => value, StringComparer.Ordinal).ToList();
        private readonly HashSet<string> _elements = new(options.Elements, StringComparer.Ordinal);

        public string? Apply(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return text;
            }

            foreach (var value in _values)
            {
                text = text.Replace(value, options.Replacement, StringComparison.Ordinal);
            }

            return text;
        }

        public FindingRecord Apply(FindingRecord finding) => finding with
        {
            Message = finding.Message is null ? null : new LocalizedText(Apply(finding.Message.Th), Apply(finding.Message.En)),
            // A finding about a name element shows the name itself as its value.
            Value = finding.Value is not null && PointsAtPersonalData(finding.Path) ? options.Replacement : Apply(finding.Value),
        };

        private bool PointsAtPersonalData(string? path)
        {
            if (path is null)
            {
                return false;
            }

            var last = path.TrimEnd('/').Split('/')[^1];
            last = last[(last.IndexOf(':', StringComparison.Ordinal) + 1)..];
            var bracket = last.IndexOf('[', StringComparison.Ordinal);
            return _elements.Contains(bracket < 0 ? last : last[..bracket]);
        }
    }
}
