using System.CommandLine;
using ECms.Cli.Validation;
using ECms.Protocol.Rules;

namespace ECms.Cli.Commands;

/// <summary>
/// <c>validate FILE... [--profile strict|lenient] [--format text|json]</c> — the hub operator's "XML Validation" test
/// tool, locally: every applicable rule over each file, exit 1 when any file has a MUST finding.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "e-CMS 2.0 SOAP messages to check (requests as a saraban system sends them)",
            Arity = ArgumentArity.OneOrMore,
        };
        var profile = new Option<string>("--profile")
        {
            Description = "strict (certification) or lenient (as the real hub behaves as far as we know)",
            DefaultValueFactory = _ => "strict",
        };
        profile.AcceptOnlyFromAmong("strict", "lenient");
        var format = new Option<string>("--format")
        {
            Description = "text (a readable table) or json (one object per file)",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");

        var command = new Command("validate", "Check e-CMS 2.0 XML messages against every rule of the protocol (R-…)") { files, profile, format };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var validationProfile = parsed.GetValue(profile) == "lenient" ? ValidationProfile.Lenient : ValidationProfile.Strict;
            var results = new List<FileValidation>();
            foreach (var path in parsed.GetValue(files) ?? [])
            {
                var result = await FileValidator.ValidateAsync(path, validationProfile, cancellationToken);
                if (result.Problem is not null)
                {
                    await error.WriteLineAsync(result.Problem);
                    return EcmsCli.UsageError;
                }

                results.Add(result);
            }

            var formatter = parsed.GetValue(format) == "json" ? (IValidationFormatter)new JsonValidationFormatter() : new TextValidationFormatter();
            await output.WriteAsync(formatter.Format(results));
            return results.All(r => r.Report!.IsValid) ? EcmsCli.Success : EcmsCli.Failure;
        });
        return command;
    }
}
