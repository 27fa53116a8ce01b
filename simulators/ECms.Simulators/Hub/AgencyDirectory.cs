using ECms.Protocol.Messages;
using ECms.Protocol.Rules;

namespace ECms.Simulators.Hub;

/// <summary>The hub's live directory: registered agencies, in registration order, with their real loopback endpoints.</summary>
internal sealed class AgencyDirectory : IOrganizationDirectory
{
    private readonly Lock _gate = new();
    private readonly List<RegisteredAgency> _agencies = [];

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
            if (_agencies.Any(a => a.OrganizationId == agency.OrganizationId))
            {
                throw new InvalidOperationException($"Organisation {agency.OrganizationId} is already registered with this hub.");
            }

            _agencies.Add(agency);
        }
    }

    public RegisteredAgency? Agency(string organizationId)
    {
        lock (_gate)
        {
            return _agencies.FirstOrDefault(a => a.OrganizationId == organizationId);
        }
    }

    public OrganizationInfo? Find(string organizationId) => Agency(organizationId)?.Info;

    public OrganizationInfo? FindByEndpoint(string url)
    {
        lock (_gate)
        {
            return _agencies.FirstOrDefault(a => OrganizationDirectory.EndpointsEqual(a.Endpoint.AbsoluteUri, url))?.Info;
        }
    }
}
