using ECms.Protocol.Messages;

namespace ECms.Simulators.Hub;

/// <summary>An agency to connect to the hub. The ministry defaults to the first two digits of the organisation code (spec §8.1).</summary>
public sealed record AgencyRegistration(string OrganizationId, string ThaiName, string EnglishName)
{
    public string? MinistryId { get; init; }
}

/// <summary>A connected agency and its own virtual endpoint on this hub — the URL its saraban system must POST to.</summary>
public sealed record RegisteredAgency(string OrganizationId, string MinistryId, string ThaiName, string EnglishName, Uri Endpoint)
{
    /// <summary>The entry GetOrganizationList returns for it.</summary>
    public OrganizationInfo Info => new(OrganizationId, ThaiName, EnglishName, Endpoint.AbsoluteUri);
}
