namespace ECms.Cli.Tests;

/// <summary>Runs the command line in-process, capturing what it prints and its exit code.</summary>
internal static class CliRunner
{
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await EcmsCli.RunAsync(args, output, error);

        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    public static string Document(string relativePath) =>
        Path.Combine(TestContext.CurrentContext.TestDirectory, "Documents", relativePath);
}

internal sealed record CliResult(int ExitCode, string Output, string Error);
