using System.Diagnostics;
using System.Text;

namespace ECms.Cli.Tests;

/// <summary>
/// Runs a command as its own process, the way a user or a CI job does: what it prints on stdout and stderr, and
/// its exit code. Environment values given as null are removed, so a variable of the test run cannot leak in.
/// </summary>
internal static class ChildProcess
{
    /// <summary>The dotnet host running the tests; DOTNET_HOST_PATH is set by the dotnet CLI for its child processes.</summary>
    public static string Dotnet =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    /// <summary>The built ecms-conformance command, copied next to the tests as a project reference.</summary>
    public static string CliAssembly => typeof(EcmsCli).Assembly.Location;

    /// <summary>`ecms-conformance ARGS` as a process: the CLI's own entry point, its own console.</summary>
    public static Task<CliResult> RunCliAsync(string workingDirectory, TimeSpan timeout, params string[] args) =>
        RunAsync(Dotnet, [CliAssembly, .. args], workingDirectory, new Dictionary<string, string?>(), timeout);

    public static async Task<CliResult> RunAsync(string fileName, IEnumerable<string> args, string workingDirectory, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Quiet, offline, and no MSBuild or build-server process left behind by a nested `dotnet test`.
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["REQNROLL_TELEMETRY_ENABLED"] = "0";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_DO_NOT_USE_MSBUILD_SERVER"] = "1";
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"{fileName} {string.Join(' ', start.ArgumentList)} did not end within {timeout.TotalSeconds:0} s. "
                + $"Output so far:{Environment.NewLine}{await output}{Environment.NewLine}{await error}");
        }

        return new CliResult(process.ExitCode, await output, await error);
    }
}
