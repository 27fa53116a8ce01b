namespace ECms.Cli.Validation;

internal interface IValidationFormatter
{
    string Format(IReadOnlyList<FileValidation> results);
}
