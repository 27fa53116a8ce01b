using ECms.Protocol.Messages;
using ECms.Protocol.Rules;

namespace ECms.Protocol.Tests.Rules;

/// <summary>The fictional agencies of spec §10 and the directory that lists them.</summary>
internal static class Agencies
{
    public const string A = "9900100000";
    public const string B = "9900200000";
    public const string EndpointA = "http://agency-a.ecms.test/ecms-ws01/service2";
    public const string EndpointB = "http://agency-b.ecms.test/ecms-ws01/service2";

    /// <summary>A well-formed code that no directory lists (the checklist's negative-case organisation).</summary>
    public const string Unregistered = "9900999000";

    public static OrganizationDirectory Directory { get; } = new(
    [
        new OrganizationInfo(A, "หน่วยงานเอ", "Agency A", EndpointA),
        new OrganizationInfo(B, "หน่วยงานบี", "Agency B", EndpointB),
    ]);
}
