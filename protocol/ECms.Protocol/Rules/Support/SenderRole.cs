using System.Xml.Linq;
using ECms.Protocol.Wire;

namespace ECms.Protocol.Rules.Support;

/// <summary>An organisation code the payload puts in the role of the party making the request.</summary>
internal sealed record SenderClaim(string Field, string OrganizationId, string Path);

/// <summary>
/// Who the payload says is asking (R-ENV-4, R-SEND-8, R-DELDOC-1): the letter's SenderParty, the withdrawal's
/// SenderDepartment, either department of a special request. Absent or blank codes claim nothing.
/// </summary>
internal static class SenderRole
{
    public static IEnumerable<SenderClaim> Of(RuleContext context)
    {
        var operation = context.Envelope?.OperationElement;
        return context.Operation switch
        {
            Operation.SendLetter => Claim("ram:SenderParty/ram:DepartmentOrganization/ram:ID", LetterXml.PartyCode(context, "SenderParty", "DepartmentOrganization")),
            Operation.WithdrawLetter => Claim("SenderDepartment/Code", DepartmentCode(operation, "SenderDepartment")),
            Operation.SpecialRequest =>
            [
                .. Claim("SenderDepartment/Code", DepartmentCode(operation?.Elements().FirstOrDefault(), "SenderDepartment")),
                .. Claim("AcceptDepartment/Code", DepartmentCode(operation?.Elements().FirstOrDefault(), "AcceptDepartment")),
            ],
            _ => [],
        };
    }

    public static XElement? DepartmentCode(XElement? parent, string department) =>
        EcmsReader.Child(EcmsReader.Child(parent, department), "Code");

    private static SenderClaim[] Claim(string field, XElement? code) =>
        code is null || WireText.IsBlank(code.Value) ? [] : [new SenderClaim(field, code.Value.Trim(), XmlPaths.Of(code))];
}
