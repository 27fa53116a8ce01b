namespace ECms.Protocol.Messages;

/// <summary>ram:SenderParty / ram:ReceiverParty (spec §3.1). Codes are kept as wire text so that wrong values stay visible.</summary>
public sealed record Party(
    string GivenName,
    string FamilyName,
    string JobTitle,
    string MinistryId,
    string OrganizationId)
{
    /// <summary>A party for an organisation, with the ministry derived from the first two digits (spec §8.1).</summary>
    public static Party ForOrganization(string organizationId, string jobTitle = "", string givenName = "", string familyName = "") =>
        new(givenName, familyName, jobTitle, MinistryOf(organizationId), organizationId);

    public static string MinistryOf(string organizationId) =>
        organizationId.Length >= 2 ? organizationId[..2] : organizationId;
}
