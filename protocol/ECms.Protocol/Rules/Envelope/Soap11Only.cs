namespace ECms.Protocol.Rules.Envelope;

/// <summary>
/// R-ENV-7 (spec §1.4): SOAP 1.1 only. A SOAP 1.2 envelope fails in the strict profile and warns in the lenient one.
/// SOAPAction is neither required nor read (the hub dispatches on the body), so it never yields a finding.
/// </summary>
public sealed class Soap11Only : Rule
{
    public override string Id => "R-ENV-7";
    public override RuleLevel Level => RuleLevel.Must;
    public override string Title => "No SOAP 1.2; SOAPAction not required";

    public override bool AppliesTo(Operation operation) => true;

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        if (context.Envelope is { IsSoap12: true } envelope)
        {
            yield return Violation(context.IsStrict ? RuleLevel.Must : RuleLevel.Should,
                $"ข้อความเป็น SOAP 1.2 (namespace \"{EcmsNamespaces.Soap12}\") แต่ e-CMS 2.0 ใช้ SOAP 1.1 (\"{EcmsNamespaces.Soap11}\") เท่านั้น",
                $"The message is a SOAP 1.2 envelope (\"{EcmsNamespaces.Soap12}\"); e-CMS 2.0 speaks SOAP 1.1 (\"{EcmsNamespaces.Soap11}\") only.",
                "/Envelope", envelope.EnvelopeNamespace);
        }
    }
}
