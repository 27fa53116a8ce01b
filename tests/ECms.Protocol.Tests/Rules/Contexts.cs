using ECms.Protocol.Lifecycle;
using ECms.Protocol.Rules;
using Microsoft.Extensions.Time.Testing;

namespace ECms.Protocol.Tests.Rules;

/// <summary>Rule contexts for the tables: a file validated offline, or a request arriving at the fake hub.</summary>
internal static class Contexts
{
    /// <summary>The morning of spec §10: 2024-06-11 10:00 Thai time.</summary>
    public static readonly DateTimeOffset Now = new(2024, 6, 11, 10, 0, 0, TimeSpan.FromHours(7));

    /// <summary>A file on disk: no HTTP, no caller, no directory, no hub state.</summary>
    public static RuleContext Offline(ValidationProfile profile = ValidationProfile.Strict) =>
        new() { Profile = profile, Clock = new FakeTimeProvider(Now) };

    /// <summary>A request posted over HTTP to <paramref name="caller"/>'s endpoint of a hub that knows agencies A and B.</summary>
    public static RuleContext AtHub(string caller, ValidationProfile profile = ValidationProfile.Strict) => Offline(profile) with
    {
        Http = new HttpFacts("POST", "text/xml; charset=utf-8"),
        CallerOrganizationId = caller,
        Directory = Agencies.Directory,
        Letters = new FakeLetterRegistry(),
        Queues = new FakeQueueView(),
        SeenMessageIds = new HashSet<string>(),
    };

    /// <summary>At the hub, with the §10.1 letter recorded in <paramref name="state"/>.</summary>
    public static RuleContext WithLetter(string caller, LetterState state, string? acceptId = null, ValidationProfile profile = ValidationProfile.Strict) =>
        AtHub(caller, profile) with { Letters = new FakeLetterRegistry(SpecLetter.In(state, acceptId)) };
}
