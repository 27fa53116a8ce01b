using System.CommandLine;
using ECms.Conformance.Steps.Checklist;
using ECms.Conformance.Steps.Drivers.Operators;
using ECms.Conformance.Steps.Profiles;
using ECms.Conformance.Steps.Run;
using ECms.Reports.Model;

namespace ECms.Cli.Commands;

/// <summary>
/// <c>run [--profile FILE] [--out DIR] [--only IDs]</c> — certify a system under test: pre-flight, every checklist
/// scenario with live progress, then the evidence bundle (report.json, report.html, junit.xml, exchanges.ndjson,
/// manifest.json). With no arguments it certifies the embedded reference agency. Exit 0 nothing Failed or Error,
/// 1 otherwise, 2 for a configuration error (with the fix).
/// </summary>
internal static class RunCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var profile = new Option<string?>("--profile") { Description = "Run profile (JSON); default: profiles/reference-agency.json, the embedded reference agency" };
        var outDir = new Option<string?>("--out") { Description = "Folder for the reports; default ./conformance-reports/<timestamp>/" };
        var only = new Option<string[]>("--only")
        {
            Description = "Only these checklist items, e.g. --only C1,C5,F1",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("run", "Certify a saraban system against the e-CMS 2.0 checklist and write the reports") { profile, outDir, only };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            RunProfile runProfile;
            try
            {
                runProfile = parsed.GetValue(profile) is { } path ? ProfileLoader.Load(path) : ProfileLoader.Default;
            }
            catch (ProfileException ex)
            {
                await error.WriteLineAsync(ex.Message);
                return EcmsCli.UsageError;
            }

            var items = (parsed.GetValue(only) ?? [])
                .SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .ToArray();
            if (UnknownItems(items) is { Length: > 0 } unknown)
            {
                // A typo must not certify nothing and call it Passed.
                await error.WriteLineAsync($"--only names no checklist item: {string.Join(", ", unknown)}.");
                await error.WriteLineAsync($"Fix: use the IDs of features/checklist.csv, e.g. --only C1,F1 ({ItemRanges()}).");
                return EcmsCli.UsageError;
            }

            var request = new RunRequest
            {
                Profile = runProfile,
                OutputDirectory = parsed.GetValue(outDir),
                Only = items.Length > 0 ? items : null,
                Operator = TextOperatorConsole.Standard,
                Progress = new ProgressPrinter(output),
            };

            var outcome = await ConformanceRunner.RunAsync(request, cancellationToken);
            if (outcome.ConfigurationError is { } configuration)
            {
                await error.WriteLineAsync($"Configuration error (not a conformance result): {configuration.Message}");
                if (configuration.Fix is { } fix)
                {
                    await error.WriteLineAsync($"Fix: {fix}");
                }
            }

            await output.WriteLineAsync(Summary(outcome));
            return outcome.ExitCode;
        });
        return command;
    }

    private static string[] UnknownItems(IEnumerable<string> items) =>
        items.Where(id => !ChecklistCatalog.Standard.Items.Any(i => string.Equals(i.Id, id, StringComparison.OrdinalIgnoreCase))).ToArray();

    private static string ItemRanges() => string.Join(", ", ChecklistCatalog.Standard.Items
        .GroupBy(i => i.Id[0])
        .Select(g => g.Count() == 1 ? g.First().Id : $"{g.First().Id}–{g.Last().Id}"));

    private static string Summary(RunOutcome outcome)
    {
        var counts = outcome.Report.Items
            .GroupBy(i => i.Verdict)
            .OrderBy(g => g.Key)
            .Select(g => $"{g.Count()} {g.Key}");
        return $"""

            Verdict: {outcome.Report.Verdict} — {string.Join(", ", counts)} ({outcome.Elapsed.TotalSeconds:F1} s)
            Reports: {Path.Combine(outcome.OutputDirectory, "report.html")}
                     {Path.Combine(outcome.OutputDirectory, "junit.xml")}
            """;
    }

    /// <summary>One line a finished scenario, so the display works in a terminal and in a CI log alike.</summary>
    private sealed class ProgressPrinter(TextWriter output) : IProgress<RunProgress>
    {
        public void Report(RunProgress value)
        {
            var line = value.Phase switch
            {
                RunPhase.PreFlight when value.Message is not null => $"Pre-flight: {value.Message}",
                RunPhase.ScenarioFinished => $"[{value.Completed,3}/{value.Total}] {value.ItemId,-4} {Badge(value.Verdict),-13} {value.Title}{(value.Message is null ? "" : $" — {value.Message}")}",
                RunPhase.Writing => value.Message is null ? "Writing reports…" : $"Writing reports: {value.Message}",
                _ => null,
            };
            if (line is not null)
            {
                output.WriteLine(line);
            }
        }

        private static string Badge(Verdict? verdict) => verdict?.ToString() ?? "";
    }
}
