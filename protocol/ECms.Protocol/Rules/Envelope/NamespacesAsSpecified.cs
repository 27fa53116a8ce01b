using System.Xml.Linq;
using ECms.Protocol.Rules.Support;
using ECms.Protocol.Wire;

namespace ECms.Protocol.Rules.Envelope;

/// <summary>
/// R-ENV-5 (spec §2.3): the operation wrapper and every notifier, queue and directory field in no namespace; the
/// letter's rsm:GovernmentDocument in GovernmentDocument:1.0, everything inside it in
/// ReusableAggregateBusinessInformationEntity:1 (ds:Signature in XML-DSig); attributes unqualified. Only elements
/// in use are judged, so unused wrong declarations (the 2.0 client's swapped, misspelt ones, §11.2) are harmless.
/// An element whose content inherits its wrong namespace is reported once, at the top.
/// </summary>
public sealed class NamespacesAsSpecified : Rule
{
    public override string Id => "R-ENV-5";
    public override RuleLevel Level => RuleLevel.Must;
    public override string Title => "Unqualified operation fields; letter in the rsm/ram namespaces";

    public override bool AppliesTo(Operation operation) => operation != Operation.Unknown;

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        if (context.Envelope?.OperationElement is not { } operation)
        {
            return [];
        }

        var findings = new List<Finding>();
        Visit(operation, "", context.Operation == Operation.SendLetter, parentWrong: false, parentExpected: "", findings);
        return findings;
    }

    private void Visit(XElement element, string expected, bool carriesLetter, bool parentWrong, string parentExpected, List<Finding> findings)
    {
        var actual = element.Name.NamespaceName;
        var wrong = actual != expected;
        var inherited = parentWrong && parentExpected == expected && element.Parent!.Name.NamespaceName == actual;
        if (wrong && !inherited)
        {
            findings.Add(Violation(
                $"<{WireText.Display(element)}> ต้อง{Describe(expected, th: true)} แต่{Describe(actual, th: true)}",
                $"<{WireText.Display(element)}> must be {Describe(expected, th: false)}, but is {Describe(actual, th: false)}.",
                XmlPaths.Of(element), actual));
        }

        for (var attribute = element.FirstAttribute; attribute is not null; attribute = attribute.NextAttribute)
        {
            if (attribute.IsNamespaceDeclaration || attribute.Name.Namespace == XNamespace.None || attribute.Name.Namespace == XNamespace.Xml)
            {
                continue;
            }

            findings.Add(Violation(
                $"แอตทริบิวต์ {attribute.Name.LocalName} ของ <{WireText.Display(element)}> ต้องไม่มี namespace แต่อยู่ใน \"{attribute.Name.NamespaceName}\"",
                $"Attribute {attribute.Name.LocalName} of <{WireText.Display(element)}> must be unqualified, but is in \"{attribute.Name.NamespaceName}\".",
                $"{XmlPaths.Of(element)}/@{attribute.Name.LocalName}", attribute.Name.NamespaceName));
        }

        foreach (var child in element.Elements())
        {
            Visit(child, ExpectedFor(element, child, expected, carriesLetter), carriesLetter: false, wrong, expected, findings);
        }
    }

    private static string ExpectedFor(XElement parent, XElement child, string parentExpected, bool parentCarriesLetter) => parentExpected switch
    {
        "" when parentCarriesLetter && child.Name.LocalName == OperationNames.GovernmentDocument => EcmsNamespaces.GovernmentDocument,
        EcmsNamespaces.GovernmentDocument => EcmsNamespaces.ReusableAggregate,
        EcmsNamespaces.ReusableAggregate when parent.Name.LocalName == "GovernmentSignature" && child.Name.LocalName == "Signature" => EcmsNamespaces.XmlDsig,
        _ => parentExpected,
    };

    private static string Describe(string ns, bool th) => (ns, th) switch
    {
        ("", true) => "ไม่มี namespace (unqualified)",
        ("", false) => "in no namespace (unqualified)",
        (_, true) => $"อยู่ใน namespace \"{ns}\"",
        _ => $"in namespace \"{ns}\"",
    };
}
