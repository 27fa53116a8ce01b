using System.Globalization;
using ECms.Protocol.Wire;

namespace ECms.Protocol.Rules.Envelope;

/// <summary>R-ENV-0: well-formed XML, UTF-8, a SOAP 1.1 envelope (Header before Body, one Body, no stray text), exactly one body child.</summary>
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
            var reason = problem.ToString().TrimEnd('.');
            yield return Violation(
                $"ข้อความไม่ใช่ XML ที่ใช้งานได้ (ต้องเป็น XML ที่ถูกต้องและเข้ารหัส UTF-8): {reason}",
                $"The message is not usable XML: {reason}.",
                "/", null);
            yield break;
        }

        var envelope = context.Envelope;
        if (envelope is null)
        {
            yield break;
        }

        // A SOAP 1.2 envelope is R-ENV-7's finding (its level depends on the profile); its body is still checked here.
        if (!envelope.IsEnvelope)
        {
            yield return Violation(
                $"เอกสารไม่ใช่ SOAP 1.1 Envelope: องค์ประกอบราก <{envelope.Root.Name.LocalName}> อยู่ใน namespace \"{envelope.EnvelopeNamespace}\"",
                $"The document element is <{envelope.Root.Name.LocalName}> in namespace \"{envelope.EnvelopeNamespace}\", not a SOAP 1.1 Envelope.",
                "/" + envelope.Root.Name.LocalName, envelope.EnvelopeNamespace);
            yield break;
        }

        foreach (var finding in CheckParts(envelope))
        {
            yield return finding;
        }

        if (envelope.Body is null)
        {
            yield break;
        }

        if (envelope.BodyChildren.Count != 1)
        {
            var count = envelope.BodyChildren.Count.ToString(CultureInfo.InvariantCulture);
            yield return Violation(
                $"SOAP-ENV:Body ต้องมีองค์ประกอบการดำเนินการเพียงหนึ่งเดียว แต่พบ {count}",
                $"SOAP-ENV:Body must contain exactly one operation element, found {count}.",
                XmlPaths.Of(envelope.Body), count);
        }
        else if (context.Operation == Operation.Unknown)
        {
            var operation = envelope.BodyChildren[0];
            var name = operation.Name.LocalName;
            yield return Violation(
                $"<{name}> ไม่ใช่การดำเนินการของ e-CMS 2.0 (หรือเนื้อหาภายในไม่บอกว่าเป็นการดำเนินการใด)",
                $"<{name}> is not an e-CMS 2.0 operation (or its content does not say which one).",
                XmlPaths.Of(operation), name);
        }
    }

    private IEnumerable<Finding> CheckParts(SoapEnvelope envelope)
    {
        var soap = envelope.EnvelopeNamespace;
        var parts = envelope.Root.Elements().ToArray();
        var bodies = parts.Where(e => e.Name.LocalName == "Body").ToArray();
        if (bodies.Length == 0)
        {
            yield return Violation("Envelope ไม่มีส่วน SOAP-ENV:Body", "The envelope has no SOAP-ENV:Body.", "/Envelope");
            yield break;
        }

        foreach (var part in parts)
        {
            var name = part.Name.LocalName;
            if (name is not ("Header" or "Body"))
            {
                yield return Violation(
                    $"Envelope มีองค์ประกอบ <{name}> ซึ่ง SOAP 1.1 ไม่อนุญาต (มีได้เพียง Header และ Body)",
                    $"The envelope contains <{name}>; SOAP 1.1 allows only Header and Body there.",
                    XmlPaths.Of(part), name);
            }
            else if (part.Name.NamespaceName != soap)
            {
                yield return Violation(
                    $"<{name}> ต้องอยู่ใน namespace ของ SOAP Envelope แต่อยู่ใน \"{part.Name.NamespaceName}\"",
                    $"<{name}> must be in the SOAP envelope namespace, but is in \"{part.Name.NamespaceName}\".",
                    XmlPaths.Of(part), part.Name.NamespaceName);
            }
        }

        if (bodies.Length > 1)
        {
            yield return Violation("Envelope มี SOAP-ENV:Body มากกว่าหนึ่งส่วน", "The envelope has more than one SOAP-ENV:Body.", XmlPaths.Of(bodies[1]));
        }

        if (envelope.Header is { } header && Array.IndexOf(parts, header) > Array.IndexOf(parts, bodies[0]))
        {
            yield return Violation("SOAP-ENV:Header ต้องอยู่ก่อน SOAP-ENV:Body", "SOAP-ENV:Header must come before SOAP-ENV:Body.", XmlPaths.Of(header));
        }

        foreach (var part in parts.Where(p => p.Name.LocalName is "Header" or "Body").Prepend(envelope.Root))
        {
            if (StrayText(part) is { } text)
            {
                var shown = text.Length <= 40 ? text : text[..40] + "…";
                yield return Violation(
                    $"<{part.Name.LocalName}> มีข้อความ \"{shown}\" อยู่ตรง ๆ ซึ่ง SOAP 1.1 ไม่อนุญาต (มีได้เพียงองค์ประกอบ)",
                    $"<{part.Name.LocalName}> holds the text \"{shown}\" directly; SOAP 1.1 allows only elements there.",
                    XmlPaths.Of(part), shown);
            }
        }
    }

    /// <summary>Non-whitespace text directly inside an envelope part (SOAP 1.1 §4: Envelope, Header and Body hold elements).</summary>
    private static string? StrayText(System.Xml.Linq.XElement part) =>
        part.Nodes().OfType<System.Xml.Linq.XText>().Select(t => t.Value.Trim()).FirstOrDefault(t => t.Length > 0);
}
