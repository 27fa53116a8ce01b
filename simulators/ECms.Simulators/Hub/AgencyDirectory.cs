using ECms.Protocol.Messages;
using ECms.Protocol.Rules;

namespace ECms.Simulators.Hub;

/// <summary>
/// The hub's live directory: registered agencies, in registration order, with their real loopback endpoints. Every
/// request looks up its caller and its wsa:To here, so both are indexed rather than searched.
/// </summary>
internal sealed class AgencyDirectory : IOrganizationDirectory
{
    private readonly Lock _gate = new();
    private readonly List<RegisteredAgency> _agencies = [];
    private readonly Dictionary<string, RegisteredAgency> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RegisteredAgency> _byEndpoint = new(StringComparer.Ordinal);

    public IReadOnlyList<RegisteredAgency> Agencies
    {
        get
        {
            lock (_gate)
            {
                return _agencies.ToArray();
            }
        }
    }

    public void Add(RegisteredAgency agency)
    {
        lock (_gate)
        {
            if (!_byId.TryAdd(agency.OrganizationId, agency))
            {
                throw new InvalidOperationException($"Organisation {agency.OrganizationId} is already registered with this hub.");
            }

            _agencies.Add(agency);
            _byEndpoint.TryAdd(OrganizationDirectory.EndpointKey(agency.Endpoint.AbsoluteUri), agency);
        }
    }

    public RegisteredAgency? Agency(string organizationId)
    {
        lock (_gate)
        {
            return _byId.GetValueOrDefault(organizationId);
        }
    }

    public OrganizationInfo? Find(string organizationId) => Agency(organizationId)?.Info;

    public OrganizationInfo? FindByEndpoint(string url)
    {
        var key = OrganizationDirectory.EndpointKey(url);
        lock (_gate)
        {
            return _byEndpoint.GetValueOrDefault(key)?.Info;
        }
    }
}
