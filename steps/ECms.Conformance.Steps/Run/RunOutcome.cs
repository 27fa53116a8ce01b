using ECms.Conformance.Steps.Session;
using ECms.Reports.Model;

namespace ECms.Conformance.Steps.Run;

/// <summary>
/// What a run produced: the report (also written as report.json), where it went, and the process exit code —
/// 0 nothing Failed or Error, 1 otherwise, 2 pre-flight (configuration) error.
/// </summary>
public sealed record RunOutcome(RunReport Report, string OutputDirectory, string ReportPath, int ExitCode, ConfigurationErrorException? ConfigurationError, TimeSpan Elapsed)
{
    public const int ExitPassed = 0;
    public const int ExitFailed = 1;
    public const int ExitConfigurationError = 2;
}
