using ECms.Protocol.Rules.Support;
using ECms.Protocol.Wire;

namespace ECms.Protocol.Rules.Envelope;

/// <summary>
/// R-ENV-6 (spec §2.4): elements in the GovernmentDocument:1.0 and ReusableAggregateBusinessInformationEntity:1
/// namespaces are written with the literal prefixes <c>rsm</c> and <c>ram</c>, because real peers match
/// "ram:ID" as a string. Judged on the prefix each element was actually written with; declarations nobody uses
/// are ignored. A subtree written with the same wrong prefix is reported once, at its top.
/// </summary>
public sealed class LiteralPrefixes : Rule
{
    private static readonly Dictionary<string, string> Expected = new()
    {
        [EcmsNamespaces.GovernmentDocument] = EcmsNamespaces.GovernmentDocumentPrefix,
        [EcmsNamespaces.ReusableAggregate] = EcmsNamespaces.ReusableAggregatePrefix,
    };

    public override string Id => "R-ENV-6";
    public override RuleLevel Level => RuleLevel.Should;
    public override string Title => "Literal prefixes rsm and ram";

    public override bool AppliesTo(Operation operation) => operation != Operation.Unknown;

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        if (context.Envelope?.OperationElement is not { } operation)
        {
            yield break;
        }

        foreach (var element in operation.DescendantsAndSelf())
        {
            if (!Expected.TryGetValue(element.Name.NamespaceName, out var expected))
            {
                continue;
            }

            var actual = Support.LexicalPrefixes.Of(element);
            if (actual == expected)
            {
                continue;
            }

            var parent = element.Parent!;
            if (parent.Name.NamespaceName == element.Name.NamespaceName && Support.LexicalPrefixes.Of(parent) == actual)
            {
                continue;
            }

            var written = actual.Length == 0 ? element.Name.LocalName : $"{actual}:{element.Name.LocalName}";
            var how = actual.Length == 0 ? "เป็น namespace ปริยาย (ไม่มี prefix)" : $"ด้วย prefix \"{actual}\"";
            var howEn = actual.Length == 0 ? "as the default namespace (no prefix)" : $"with the prefix \"{actual}\"";
            yield return Violation(
                $"<{written}> เขียน{how} ควรใช้ prefix \"{expected}\" ตามตัวอักษร เพราะระบบปลายทางบางระบบค้นหาชื่อแบบ \"{expected}:{element.Name.LocalName}\" ตรงตัว",
                $"<{written}> is written {howEn}; it should use the literal prefix \"{expected}\", because real peers look up \"{expected}:{element.Name.LocalName}\" as a string.",
                XmlPaths.Of(element), written);
        }
    }
}
