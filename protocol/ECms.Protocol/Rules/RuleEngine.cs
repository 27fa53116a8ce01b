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

    private readonly Lazy<Dictionary<string, int>> _order = new(() => rules
        .Select((rule, index) => (rule.Id, index))
        .DistinctBy(r => r.Id)
        .ToDictionary(r => r.Id, r => r.index, StringComparer.Ordinal));

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

    public ValidationReport Validate(RuleContext context) => Validate(context, static _ => true);

    /// <summary>
    /// Runs only the rules <paramref name="include"/> selects. The hub runs the rules that read its state inside its
    /// lock and the others before it (<see cref="Rule.ReadsHubState"/>), then puts the two parts back in catalogue
    /// order with <see cref="InCatalogueOrder"/>, so that a split run reports exactly what one run would.
    /// </summary>
    public ValidationReport Validate(RuleContext context, Predicate<Rule> include)
    {
        var findings = new List<Finding>();
        foreach (var rule in Rules)
        {
            if (!include(rule) || !rule.AppliesTo(context.Operation))
            {
                continue;
            }

            findings.AddRange(rule.Check(context));
        }

        return new ValidationReport(context.Operation, context.Request, findings);
    }

    /// <summary>The findings of split runs of this engine, in the order one run over all its rules yields them.</summary>
    public IReadOnlyList<Finding> InCatalogueOrder(IReadOnlyList<Finding> first, IReadOnlyList<Finding> second)
    {
        if (first.Count == 0 || second.Count == 0)
        {
            return first.Count == 0 ? second : first;
        }

        var order = _order.Value;
        return first.Concat(second).OrderBy(f => order.GetValueOrDefault(f.RuleId, int.MaxValue)).ToList();
    }
}
