using System.Xml.Linq;
using ECms.Protocol.Wire;

namespace ECms.Protocol.Rules.Support;

/// <summary>
/// The raw elements of a letter (op 1), found by local name as <see cref="EcmsReader"/> finds them. Value rules look
/// only at elements that are present: an absent element is R-SEND-1's finding, not theirs.
/// </summary>
internal static class LetterXml
{
    public static XElement? GovernmentDocument(RuleContext context) =>
        context.Operation == Operation.SendLetter ? EcmsReader.Child(context.Envelope?.OperationElement, OperationNames.GovernmentDocument) : null;

    public static XElement? CorrespondenceLetter(RuleContext context) => EcmsReader.Child(GovernmentDocument(context), "CorrespondenceLetter");

    public static XElement? Field(RuleContext context, string localName) => EcmsReader.Child(CorrespondenceLetter(context), localName);

    public static IEnumerable<XElement> Fields(RuleContext context, string localName) =>
        CorrespondenceLetter(context)?.Elements().Where(e => e.Name.LocalName == localName) ?? [];

    /// <summary>Party/DepartmentOrganization/ID or Party/MinistryOrganization/ID of ram:SenderParty or ram:ReceiverParty.</summary>
    public static XElement? PartyCode(RuleContext context, string party, string organization) =>
        EcmsReader.Child(EcmsReader.Child(Field(context, party), organization), "ID");
}
