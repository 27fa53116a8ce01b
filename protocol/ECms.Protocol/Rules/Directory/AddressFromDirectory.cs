using ECms.Protocol.Rules.Support;
using ECms.Protocol.Wire;

namespace ECms.Protocol.Rules.Directory;

/// <summary>
/// R-DIR-1 (spec §1.1, §5.7): an agency addresses its counterparts with the ECMS-URL GetOrganizationList serves, not
/// a hard-coded one. Seen in one message (op 1–6, with a directory): a wsa:To that resolves only after
/// normalisation (case, trailing slash, default port) was not copied from the directory; a wsa:To on a real DGA/EGA
/// e-CMS host that the directory in use does not list was hard-coded from another environment. Whether the agency
/// called GetOrganizationList at all is a matter for the suite across exchanges (checklist B1).
/// </summary>
public sealed class AddressFromDirectory : Rule
{
    /// <summary>Hosts of the real e-CMS environments (spec §1.1): 2.0 test and 1.x production/test.</summary>
    private static readonly string[] RealEcmsDomains = [".ecms.dga.or.th", ".ecms.ega.or.th", ".mict.go.th"];

    public override string Id => "R-DIR-1";
    public override RuleLevel Level => RuleLevel.Should;
    public override string Title => "Counterparts addressed with ECMS-URL from GetOrganizationList";

    public override bool AppliesTo(Operation operation) => operation.IsAddressedToCounterpart();

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        var toElement = context.Envelope?.HeaderElements("To").FirstOrDefault();
        if (context.Directory is not { } directory || toElement is null || WireText.IsBlank(toElement.Value))
        {
            yield break;
        }

        var to = toElement.Value.Trim();
        var path = XmlPaths.Of(toElement);
        if (directory.FindByEndpoint(to) is { } organization)
        {
            if (!string.Equals(organization.EcmsUrl, to, StringComparison.Ordinal))
            {
                yield return Violation(
                    $"wsa:To \"{to}\" ชี้ไปยังหน่วยงาน {organization.OrganizationId} แต่ไม่ได้เขียนตรงกับ ECMS-URL \"{organization.EcmsUrl}\" จาก GetOrganizationList ควรคัดลอกจากสมุดรายชื่อ ไม่ใช่พิมพ์เอง",
                    $"wsa:To \"{to}\" reaches {organization.OrganizationId} but is not written as its ECMS-URL \"{organization.EcmsUrl}\" from GetOrganizationList; take it from the directory rather than typing it.",
                    path, to);
            }
        }
        else if (Uri.TryCreate(to, UriKind.Absolute, out var uri) && RealEcmsDomains.Any(d => uri.Host.EndsWith(d, StringComparison.OrdinalIgnoreCase)))
        {
            yield return Violation(
                $"wsa:To \"{to}\" เป็นโฮสต์ของระบบ e-CMS จริงที่ไม่อยู่ในสมุดรายชื่อที่ใช้ทดสอบ แสดงว่าที่อยู่ถูกกำหนดตายตัวในโปรแกรม ควรใช้ ECMS-URL จาก GetOrganizationList",
                $"wsa:To \"{to}\" is a host of a real e-CMS environment that the directory in use does not list: the address is hard-coded; use the ECMS-URL from GetOrganizationList.",
                path, to);
        }
    }
}
