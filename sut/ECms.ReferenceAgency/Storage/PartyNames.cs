namespace ECms.ReferenceAgency.Storage;

/// <summary>The person part of ram:SenderParty / ram:ReceiverParty; the codes come from the organisation.</summary>
internal sealed record PartyNames(string GivenName, string FamilyName, string JobTitle)
{
    public static PartyNames Empty { get; } = new("", "", "");
}
