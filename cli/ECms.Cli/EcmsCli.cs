using System.CommandLine;
using ECms.Cli.Commands;

namespace ECms.Cli;

/// <summary>The ecms-conformance command line. Exit codes: 0 success, 1 a conformance failure, 2 a usage or configuration error.</summary>
internal static class EcmsCli
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int UsageError = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("ecms-conformance — conformance harness and simulator for e-CMS 2.0 (ระบบสารบรรณอิเล็กทรอนิกส์)")
        {
            RunCommand.Create(output, error),
            HubCommand.Create(output, error),
            ValidateCommand.Create(output, error),
            ReportCommand.Create(output, error),
            VerifyCommand.Create(output, error),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors)
            {
                await error.WriteLineAsync(problem.Message);
            }

            await error.WriteLineAsync("Run 'ecms-conformance --help' for usage.");
            return UsageError;
        }

        var configuration = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            // Ctrl+C or SIGTERM cancels the command, which then still writes what it has: 'run' the reports of the
            // scenarios that ran (a manual session may hold an hour's work). The default two seconds is too short
            // for a large evidence bundle on a busy machine.
            ProcessTerminationTimeout = TimeSpan.FromSeconds(30),
        };
        return await parsed.InvokeAsync(configuration, cancellationToken);
    }
}
