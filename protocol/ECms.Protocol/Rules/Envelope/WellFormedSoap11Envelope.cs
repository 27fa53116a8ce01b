namespace ECms.Protocol.Rules.Envelope;

/// <summary>R-ENV-0: well-formed XML, UTF-8, a SOAP 1.1 envelope, exactly one body child.</summary>
public sealed class WellFormedSoap11Envelope : Rule
{
    public override string Id => "R-ENV-0";
    public override RuleLevel Level => RuleLevel.Must;
    public override string Title => "Well-formed UTF-8 SOAP 1.1 envelope with exactly one body child";

    public override bool AppliesTo(Operation operation) => true;

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        if (context.LoadProblem is { } problem)
        {
            yield return Violation(
                $"ข้อความไม่ใช่ XML ที่ถูกต้องตามรูปแบบ UTF-8: {problem}",
                $"The message is not usable XML: {problem}",
                "/", null);
            yield break;
        }

        var envelope = context.Envelope;
        if (envelope is null)
        {
            yield break;
        }

        if (!envelope.IsSoap11)
        {
            // A SOAP 1.2 envelope is reported by R-ENV-7; anything else is not SOAP at all.
            if (!envelope.IsSoap12)
            {
                yield return Violation(
                    "เอกสารไม่ใช่ SOAP 1.1 Envelope",
                    $"The document element is <{envelope.Root.Name.LocalName}> in namespace \"{envelope.EnvelopeNamespace}\", not a SOAP 1.1 Envelope.",
                    "/" + envelope.Root.Name.LocalName, envelope.EnvelopeNamespace);
            }

            yield break;
        }

        if (envelope.Body is null)
        {
            yield return Violation("ไม่มีส่วน SOAP-ENV:Body", "The envelope has no SOAP-ENV:Body.", "/Envelope");
            yield break;
        }

        if (envelope.BodyChildren.Count != 1)
        {
            yield return Violation(
                $"SOAP-ENV:Body ต้องมีองค์ประกอบลูกเพียงหนึ่งเดียว แต่พบ {envelope.BodyChildren.Count}",
                $"SOAP-ENV:Body must contain exactly one operation element, found {envelope.BodyChildren.Count}.",
                "/Envelope/Body", envelope.BodyChildren.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        else if (context.Operation == Operation.Unknown)
        {
            var name = envelope.BodyChildren[0].Name.LocalName;
            yield return Violation(
                $"ไม่รู้จักการดำเนินการ <{name}>",
                $"<{name}> is not an e-CMS 2.0 operation (or its content does not say which one).",
                "/Envelope/Body/" + name, name);
        }
    }
}
