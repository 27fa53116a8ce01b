using ECms.Protocol.Wire;

namespace ECms.Protocol.Rules.Envelope;

/// <summary>
/// R-ENV-2: wsa:To present, in <c>http://www.w3.org/2005/08/addressing</c>, named <c>To</c>. MUST in the strict
/// profile; the lenient profile accepts the 1.x variants (no "www.", lowercase <c>to</c>, even none) with a warning.
/// </summary>
public sealed class AddressingToPresent : Rule
{
    public override string Id => "R-ENV-2";
    public override RuleLevel Level => RuleLevel.Must;
    public override string Title => "wsa:To present, WS-Addressing 2005/08 namespace, local name To";

    public override bool AppliesTo(Operation operation) => true;

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        if (context.Envelope is not { IsEnvelope: true } envelope)
        {
            yield break;
        }

        var level = context.IsStrict ? RuleLevel.Must : RuleLevel.Should;
        var tos = envelope.HeaderElements("To").ToArray();
        if (tos.Length == 0)
        {
            yield return Violation(level, "ไม่มี wsa:To ในส่วนหัว SOAP ซึ่งต้องระบุ URL ของ endpoint ปลายทาง",
                "The SOAP header has no wsa:To naming the target endpoint URL.",
                envelope.Header is null ? "/Envelope" : XmlPaths.Of(envelope.Header));
            yield break;
        }

        var to = tos[0];
        var path = XmlPaths.Of(to);
        if (to.Name.LocalName != "To")
        {
            yield return Violation(level, $"องค์ประกอบ <{to.Name.LocalName}> ต้องชื่อ <To> (T ตัวใหญ่) ชื่อตัวพิมพ์เล็กเป็นรูปแบบของไคลเอนต์ e-CMS 1.x",
                $"The element is <{to.Name.LocalName}>; it must be <To> (the lowercase form is the 1.x client's).", path, to.Name.LocalName);
        }

        if (to.Name.NamespaceName != EcmsNamespaces.Addressing)
        {
            var v1 = to.Name.NamespaceName == EcmsNamespaces.AddressingV1;
            yield return Violation(level,
                v1
                    ? $"wsa:To ใช้ namespace ของ e-CMS 1.x \"{EcmsNamespaces.AddressingV1}\" (ไม่มี www.) ต้องเป็น \"{EcmsNamespaces.Addressing}\""
                    : $"wsa:To อยู่ใน namespace \"{to.Name.NamespaceName}\" ต้องเป็น \"{EcmsNamespaces.Addressing}\"",
                v1
                    ? $"wsa:To uses the 1.x namespace \"{EcmsNamespaces.AddressingV1}\" (no \"www.\"); it must be \"{EcmsNamespaces.Addressing}\"."
                    : $"wsa:To is in namespace \"{to.Name.NamespaceName}\"; it must be \"{EcmsNamespaces.Addressing}\".",
                path, to.Name.NamespaceName);
        }

        if (to.Value.Trim().Length == 0)
        {
            yield return Violation(level, "wsa:To ว่างเปล่า ต้องระบุ URL ของ endpoint ปลายทาง", "wsa:To is empty; it must name the target endpoint URL.", path, to.Value);
        }

        if (tos.Length > 1)
        {
            yield return Violation(level, $"ส่วนหัวมี wsa:To {tos.Length} รายการ ต้องมีเพียงหนึ่งเดียว",
                $"The header has {tos.Length} wsa:To elements; it must have exactly one.", XmlPaths.Of(tos[1]), tos[1].Value);
        }
    }
}
