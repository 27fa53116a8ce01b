using System.CommandLine;
using ECms.Reports.Bundle;

namespace ECms.Cli.Commands;

/// <summary><c>verify DIR</c> — recomputes every hash of an evidence bundle and re-renders it; exit 1 on any change.</summary>
internal static class VerifyCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var folder = new Argument<string>("DIR") { Description = "An evidence bundle folder (it holds manifest.json)" };
        var command = new Command("verify", "Check that an evidence bundle is complete and unchanged") { folder };
        command.SetAction(async (parsed, _) =>
        {
            var directory = parsed.GetValue(folder)!;
            if (!Directory.Exists(directory))
            {
                await error.WriteLineAsync($"'{directory}' is not a folder; pass the folder that holds manifest.json.");
                return EcmsCli.UsageError;
            }

            var verification = EvidenceBundle.Verify(directory);
            await output.WriteLineAsync(verification.ToString());
            return verification.ExitCode;
        });
        return command;
    }
}
