using ECms.Protocol.Rules;

namespace ECms.Cli.Validation;

/// <summary>One file's verdict, or the reason it could not be checked at all (a usage error, not a finding).</summary>
internal sealed record FileValidation(string File, ValidationReport? Report, string? Problem);
