using ECms.Protocol.Messages;

namespace ECms.Protocol.Rules;

/// <summary>The organisations connected to the hub, with their endpoint URLs (GetOrganizationList).</summary>
public interface IOrganizationDirectory
{
    OrganizationInfo? Find(string organizationId);

    /// <summary>The organisation whose ECMS-URL this is (compared without a trailing slash, case-insensitive host).</summary>
    OrganizationInfo? FindByEndpoint(string url);
}
