using System.Globalization;
using ECms.Protocol.Messages;

namespace ECms.Protocol.Rules;

/// <summary>A fixed directory, for the validator and tests; the hub supplies its live registry instead.</summary>
public sealed class OrganizationDirectory(IEnumerable<OrganizationInfo> organizations) : IOrganizationDirectory
{
    private readonly IReadOnlyList<OrganizationInfo> _organizations = organizations.ToArray();
    private Dictionary<string, OrganizationInfo>? _byEndpoint;

    public static OrganizationDirectory Empty { get; } = new([]);

    public OrganizationInfo? Find(string organizationId) =>
        _organizations.FirstOrDefault(o => o.OrganizationId == organizationId);

    /// <summary>The first organisation listed with this endpoint; endpoints are keyed once, not parsed per lookup.</summary>
    public OrganizationInfo? FindByEndpoint(string url)
    {
        _byEndpoint ??= IndexByEndpoint(_organizations);
        return _byEndpoint.GetValueOrDefault(EndpointKey(url));
    }

    private static Dictionary<string, OrganizationInfo> IndexByEndpoint(IEnumerable<OrganizationInfo> organizations)
    {
        var index = new Dictionary<string, OrganizationInfo>(StringComparer.Ordinal);
        foreach (var organization in organizations)
        {
            index.TryAdd(EndpointKey(organization.EcmsUrl), organization);
        }

        return index;
    }

    public static bool EndpointsEqual(string a, string b) => EndpointKey(a) == EndpointKey(b);

    /// <summary>
    /// What makes two endpoint URLs the same endpoint: scheme and host in any case, the port (default or written),
    /// the path exactly but for a trailing slash. A text that is not an absolute URL is compared as text, in any case.
    /// Equal keys = equal endpoints, so a directory can index its endpoints by key.
    /// </summary>
    public static string EndpointKey(string url)
    {
        var trimmed = url.Trim();
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri))
        {
            return "text:" + trimmed.TrimEnd('/').ToUpperInvariant();
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"{uri.Scheme.ToUpperInvariant()}://{uri.Host.ToUpperInvariant()}:{uri.Port}{uri.AbsolutePath.TrimEnd('/')}");
    }
}
