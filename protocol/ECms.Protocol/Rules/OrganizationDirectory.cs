using ECms.Protocol.Messages;

namespace ECms.Protocol.Rules;

/// <summary>A fixed directory, for the validator and tests; the hub supplies its live registry instead.</summary>
public sealed class OrganizationDirectory(IEnumerable<OrganizationInfo> organizations) : IOrganizationDirectory
{
    private readonly IReadOnlyList<OrganizationInfo> _organizations = organizations.ToArray();

    public static OrganizationDirectory Empty { get; } = new([]);

    public OrganizationInfo? Find(string organizationId) =>
        _organizations.FirstOrDefault(o => o.OrganizationId == organizationId);

    public OrganizationInfo? FindByEndpoint(string url) =>
        _organizations.FirstOrDefault(o => EndpointsEqual(o.EcmsUrl, url));

    public static bool EndpointsEqual(string a, string b)
    {
        if (!Uri.TryCreate(a.Trim(), UriKind.Absolute, out var left) || !Uri.TryCreate(b.Trim(), UriKind.Absolute, out var right))
        {
            return string.Equals(a.Trim().TrimEnd('/'), b.Trim().TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
        }

        return string.Equals(left.Scheme, right.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(left.Host, right.Host, StringComparison.OrdinalIgnoreCase)
            && left.Port == right.Port
            && string.Equals(left.AbsolutePath.TrimEnd('/'), right.AbsolutePath.TrimEnd('/'), StringComparison.Ordinal);
    }
}
