using ECms.Protocol.Rules.Support;
using ECms.Protocol.Wire;

namespace ECms.Protocol.Rules.Letter;

/// <summary>
/// R-SEND-7 (spec §8.1): each party's DepartmentOrganization/ID is a 10-digit code and MinistryOrganization/ID its
/// first two digits — both format checks need no context; with a directory the code must also be a known
/// organisation. A ministry code missing from the (2016, non-authoritative) ministry list is only INFO.
/// </summary>
public sealed class PartyOrganizationCodes : Rule
{
    private static readonly string[] Parties = ["SenderParty", "ReceiverParty"];

    public override string Id => "R-SEND-7";
    public override RuleLevel Level => RuleLevel.Must;
    public override string Title => "Party organisation codes: 10 digits, known, ministry = first two digits";

    public override bool AppliesTo(Operation operation) => operation == Operation.SendLetter;

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        foreach (var party in Parties)
        {
            var department = LetterXml.PartyCode(context, party, "DepartmentOrganization");
            var ministry = LetterXml.PartyCode(context, party, "MinistryOrganization");
            var code = department?.Value ?? "";
            if (department is not null)
            {
                var field = $"ram:{party}/ram:DepartmentOrganization/ram:ID";
                if (OrganizationCodes.CheckFormat(field, code) is { } issue)
                {
                    yield return Violation(issue.Level, issue.MessageTh, issue.MessageEn, XmlPaths.Of(department), code);
                }
                else if (context.Directory is { } directory && directory.Find(code) is null)
                {
                    yield return Violation($"{field} \"{code}\" ไม่ใช่หน่วยงานที่อยู่ใน GetOrganizationList",
                        $"{field} \"{code}\" is not an organisation listed by GetOrganizationList.", XmlPaths.Of(department), code);
                }
            }

            if (ministry is null)
            {
                continue;
            }

            var ministryField = $"ram:{party}/ram:MinistryOrganization/ram:ID";
            if (code.Length >= 2 && char.IsAsciiDigit(code[0]) && char.IsAsciiDigit(code[1]) && ministry.Value != code[..2])
            {
                yield return Violation($"{ministryField} \"{ministry.Value}\" ต้องเท่ากับสองหลักแรกของรหัสหน่วยงาน \"{code}\" คือ \"{code[..2]}\"",
                    $"{ministryField} \"{ministry.Value}\" must be the first two digits of the organisation code \"{code}\", \"{code[..2]}\".",
                    XmlPaths.Of(ministry), ministry.Value);
            }
            else if (WireText.IsAsciiDigits(ministry.Value, 2) && !context.CodeLists.IsMinistry(ministry.Value))
            {
                yield return Violation(RuleLevel.Info, $"{ministryField} \"{ministry.Value}\" ไม่อยู่ในรายการรหัสกระทรวงที่รู้จัก",
                    $"{ministryField} \"{ministry.Value}\" is not in the known ministry list.", XmlPaths.Of(ministry), ministry.Value);
            }
        }
    }
}
