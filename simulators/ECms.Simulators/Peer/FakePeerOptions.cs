using ECms.Simulators.Client;

namespace ECms.Simulators.Peer;

/// <summary>How a <see cref="FakePeerAgency"/> is set up.</summary>
public sealed record FakePeerOptions
{
    public PeerBehaviour Behaviour { get; init; } = PeerBehaviour.Passive;

    /// <summary>Clock for letter dates, answer delays and the polling loop.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public EcmsHubClientOptions Client { get; init; } = new();

    public HttpClient? HttpClient { get; init; }

    /// <summary>Signer's position and organisation, written into <c>ram:JobTitle</c> of composed letters.</summary>
    public string JobTitle { get; init; } = "ผู้อำนวยการ";

    public string GivenName { get; init; } = "";

    public string FamilyName { get; init; } = "";
}
