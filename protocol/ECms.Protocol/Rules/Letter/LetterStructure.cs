using ECms.Protocol.Rules.Support;
using ECms.Protocol.Wire;
using static ECms.Protocol.Rules.Support.ElementShape;

namespace ECms.Protocol.Rules.Letter;

/// <summary>
/// R-SEND-1: the letter's elements, their order and cardinalities exactly as spec §3.1 (clients take "the first
/// ram:GivenName" as the sender, R-HUB-3), nothing extra, and <c>ram:CorrespondenceLetter/@ID</c> present (SHOULD be
/// "Letter", the XML-signature reference target). The inside of ram:GovernmentSignature is R-SEND-SIG's.
/// </summary>
public sealed class LetterStructure : Rule
{
    private const string Ram = EcmsNamespaces.ReusableAggregatePrefix;
    private const string Section = "§3.1";

    internal static readonly ElementShape Wrapper = Sequence(OperationNames.OutboundRequest, null, 1, 1,
        Sequence(OperationNames.GovernmentDocument, EcmsNamespaces.GovernmentDocumentPrefix, 1, 1,
            Sequence("CorrespondenceLetter", Ram, 1, 1,
                Text("ID", Ram),
                Text("CorrespondenceDate", Ram),
                Text("Subject", Ram),
                Text("SecretCode", Ram),
                Text("SpeedCode", Ram),
                Party("SenderParty"),
                Party("ReceiverParty"),
                Sequence("ReferenceCorrespondence", Ram, 0, Unbounded, Text("ID", Ram), Text("CorrespondenceDate", Ram), Text("Subject", Ram)),
                Text("Attachment", Ram),
                Text("SendDate", Ram),
                Text("Description", Ram),
                Text("MainLetterBinaryObject", Ram),
                Text("AttachmentBinaryObject", Ram, 0, Unbounded)),
            Any("GovernmentSignature", Ram, 0, 1)));

    public override string Id => "R-SEND-1";
    public override RuleLevel Level => RuleLevel.Must;
    public override string Title => "Letter elements in the order and cardinality of §3.1; CorrespondenceLetter/@ID";

    public override bool AppliesTo(Operation operation) => operation == Operation.SendLetter;

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        if (context.Envelope?.OperationElement is not { } wrapper)
        {
            yield break;
        }

        foreach (var problem in ShapeCheck.Check(wrapper, Wrapper, Section))
        {
            yield return Violation(problem.MessageTh, problem.MessageEn, problem.Path, problem.Value);
        }

        if (LetterXml.CorrespondenceLetter(context) is not { } letter)
        {
            yield break;
        }

        var id = letter.Attribute("ID");
        if (id is null)
        {
            yield return Violation("<ram:CorrespondenceLetter> ไม่มีแอตทริบิวต์ ID (ควรเป็น ID=\"Letter\")",
                "<ram:CorrespondenceLetter> has no ID attribute (it should be ID=\"Letter\").", XmlPaths.Of(letter));
        }
        else if (id.Value != "Letter")
        {
            yield return Violation(RuleLevel.Should,
                $"แอตทริบิวต์ ID ของ <ram:CorrespondenceLetter> เป็น \"{id.Value}\" ควรเป็น \"Letter\" ตามที่ไคลเอนต์ทุกตัวใช้",
                $"<ram:CorrespondenceLetter> has ID=\"{id.Value}\"; it should be \"Letter\", as every known client writes it.",
                $"{XmlPaths.Of(letter)}/@ID", id.Value);
        }
    }

    private static ElementShape Party(string name) => Sequence(name, Ram, 1, 1,
        Text("GivenName", Ram),
        Text("FamilyName", Ram),
        Text("JobTitle", Ram),
        Sequence("MinistryOrganization", Ram, 1, 1, Text("ID", Ram)),
        Sequence("DepartmentOrganization", Ram, 1, 1, Text("ID", Ram)));
}
