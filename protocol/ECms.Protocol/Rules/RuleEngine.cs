using ECms.Protocol.Messages;
using ECms.Protocol.Wire;

namespace ECms.Protocol.Rules;

/// <summary>
/// Runs every applicable rule over a message. <see cref="Validate(ReadOnlyMemory{byte}, RuleContext)"/> is the
/// one entry point for bytes from outside (the validator, the hub): it loads them safely, reads the request and then
/// checks it, so a hostile document becomes a finding and never an exception.
/// </summary>
public sealed class RuleEngine(IReadOnlyList<Rule> rules)
{
    public static RuleEngine Standard { get; } = new(RuleCatalog.All);

    public IReadOnlyList<Rule> Rules { get; } = rules;

    public ValidationReport Validate(ReadOnlyMemory<byte> raw, RuleContext context, XmlLimits? limits = null)
    {
        var loaded = SafeXmlLoader.Load(raw, limits ?? new XmlLimits { MaxBytes = Math.Max(context.MaxRequestBytes, raw.Length) });
        var envelope = loaded.Document is null ? null : SoapEnvelope.From(loaded.Document);
        var operation = envelope is null ? Operation.Unknown : EcmsReader.DetectOperation(envelope);
        EcmsRequest? request = null;
        if (envelope is not null && operation != Operation.Unknown)
        {
            request = EcmsReader.ReadRequest(envelope);
        }

        return Validate(context with { Raw = raw, Envelope = envelope, LoadProblem = loaded.Problem, Operation = operation, Request = request });
    }

    public ValidationReport Validate(RuleContext context)
    {
        var findings = new List<Finding>();
        foreach (var rule in Rules)
        {
            if (!rule.AppliesTo(context.Operation))
            {
                continue;
            }

            findings.AddRange(rule.Check(context));
        }

        return new ValidationReport(context.Operation, context.Request, findings);
    }
}
