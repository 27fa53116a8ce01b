using ECms.Protocol.Messages;

namespace ECms.ReferenceAgency.Storage;

internal sealed partial class StoreSession
{
    public void ReplaceOrganizations(IEnumerable<OrganizationInfo> organizations)
    {
        Execute("DELETE FROM organizations");
        foreach (var o in organizations.DistinctBy(o => o.OrganizationId))
        {
            Execute("INSERT INTO organizations (organization_id, th_name, en_name, ecms_url) VALUES ($id, $th, $en, $url)",
                ("$id", o.OrganizationId), ("$th", o.ThaiName), ("$en", o.EnglishName), ("$url", o.EcmsUrl));
        }
    }

    public OrganizationInfo? FindOrganization(string organizationId) =>
        Query("SELECT organization_id, th_name, en_name, ecms_url FROM organizations WHERE organization_id = $id",
            r => new OrganizationInfo(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3)), ("$id", organizationId))
            .FirstOrDefault();

    /// <summary>Replaces one code list (secret, speed, mime); an empty answer from the hub keeps the previous list.</summary>
    public void ReplaceCodes(string list, IEnumerable<(string Value, string Label)> values)
    {
        var rows = values.DistinctBy(v => v.Value).ToArray();
        if (rows.Length == 0)
        {
            return;
        }

        Execute("DELETE FROM code_values WHERE list = $list", ("$list", list));
        foreach (var (value, label) in rows)
        {
            Execute("INSERT INTO code_values (list, value, label) VALUES ($list, $value, $label)", ("$list", list), ("$value", value), ("$label", label));
        }
    }

    public IReadOnlyList<string> Codes(string list) =>
        Query("SELECT value FROM code_values WHERE list = $list ORDER BY value", r => r.GetString(0), ("$list", list));
}
