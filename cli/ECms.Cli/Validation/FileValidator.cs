using ECms.Protocol.Rules;

namespace ECms.Cli.Validation;

/// <summary>Reads a file and runs the standard rule engine over its bytes, with no hub context (no directory, no letters).</summary>
internal static class FileValidator
{
    /// <summary>A file larger than this is refused before it is read, so the validator never holds an absurd file in memory.</summary>
    public const long MaxFileBytes = 100L * 1024 * 1024;

    public static async Task<FileValidation> ValidateAsync(string path, ValidationProfile profile, CancellationToken cancellationToken)
    {
        if (Directory.Exists(path))
        {
            return new FileValidation(path, null, $"'{path}' is a folder; pass the XML files in it, e.g. {Path.Combine(path, "*.xml")}");
        }

        if (!File.Exists(path))
        {
            return new FileValidation(path, null, $"'{path}' does not exist; check the path (it is read relative to {Environment.CurrentDirectory}).");
        }

        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (info.Length > MaxFileBytes)
            {
                // Still a verdict, not a usage error: an oversized message is a finding (R-ENV-0).
                return Oversized(path, info.Length);
            }

            bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new FileValidation(path, null, $"'{path}' cannot be read: {ex.Message}");
        }

        return new FileValidation(path, RuleEngine.Standard.Validate(bytes, Context(profile)), null);
    }

    private static RuleContext Context(ValidationProfile profile) => new() { Profile = profile };

    private static FileValidation Oversized(string path, long length)
    {
        var finding = new Finding("R-ENV-0", RuleLevel.Must,
            $"ไฟล์มีขนาด {length:N0} ไบต์ เกินขีดจำกัด {MaxFileBytes:N0} ไบต์",
            $"The file is {length:N0} bytes, over the validator's limit of {MaxFileBytes:N0} bytes.",
            "/");
        return new FileValidation(path, new ValidationReport(ECms.Protocol.Operation.Unknown, null, [finding]), null);
    }
}
