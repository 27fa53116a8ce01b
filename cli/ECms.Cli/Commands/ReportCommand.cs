using System.CommandLine;
using System.Text.Json;
using ECms.Reports.Bundle;
using ECms.Reports.Json;
using ECms.Reports.Model;

namespace ECms.Cli.Commands;

/// <summary>
/// <c>report REPORT.JSON [--out DIR] [--redact]</c> — renders the evidence bundle (report.html, junit.xml,
/// exchanges.ndjson, manifest.json) from a run's report.json, e.g. to share a redacted copy outside the agency.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var input = new Argument<string>("REPORT.JSON") { Description = "The report.json a run wrote" };
        var outDir = new Option<string?>("--out") { Description = "Folder for the bundle (default: the report's own folder)" };
        var redact = new Option<bool>("--redact") { Description = "Remove personal names and job titles from the evidence, keeping hashes of the originals" };
        var command = new Command("report", "Render the HTML report, JUnit XML and evidence bundle from a report.json") { input, outDir, redact };
        command.SetAction(async (parsed, _) =>
        {
            var path = parsed.GetValue(input)!;
            if (!File.Exists(path))
            {
                await error.WriteLineAsync($"'{path}' does not exist; pass the report.json written by 'ecms-conformance run'.");
                return EcmsCli.UsageError;
            }

            RunReport report;
            try
            {
                report = ReportJson.Read(path);
            }
            catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"'{path}' is not a readable report.json: {ex.Message}");
                return EcmsCli.UsageError;
            }

            var directory = parsed.GetValue(outDir) ?? Path.GetDirectoryName(Path.GetFullPath(path))!;
            Directory.CreateDirectory(directory);
            var manifest = EvidenceBundle.Write(report, directory, parsed.GetValue(redact) ? EvidenceBundleOptions.Redacted : EvidenceBundleOptions.Default);
            await output.WriteLineAsync($"Evidence bundle written to {directory} ({manifest.Artifacts.Count} artifacts); open {Path.Combine(directory, "report.html")}");
            return EcmsCli.Success;
        });
        return command;
    }
}
