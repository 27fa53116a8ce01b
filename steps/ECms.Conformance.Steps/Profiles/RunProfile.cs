using ECms.Protocol.Rules;

namespace ECms.Conformance.Steps.Profiles;

/// <summary>
/// What to certify and how (profiles/*.json, documented in docs/profiles.md). Immutable once loaded; build one in code
/// with <c>with</c> from <see cref="ProfileLoader.Default"/>.
/// </summary>
public sealed record RunProfile
{
    public const string DefaultPeerOrganizationId = "9900200000";
    public const string DefaultSecondPeerOrganizationId = "9900300000";
    public const string DefaultUnknownOrganizationId = "9900999000";

    public required string Name { get; init; }

    public string? Description { get; init; }

    /// <summary>The file it was read from, if any.</summary>
    public string? SourcePath { get; init; }

    /// <summary>SHA-256 (hex) of the file's bytes, so a report names the exact profile that ran.</summary>
    public string? Sha256 { get; init; }

    /// <summary>The system under test's organisation code (<c>sut.organizationId</c>).</summary>
    public required string OrganizationId { get; init; }

    public string? SutName { get; init; }

    public SutDriverKind Driver { get; init; } = SutDriverKind.Embedded;

    /// <summary>The control API base URL (<c>sut.controlUrl</c>); required for control-api.</summary>
    public Uri? ControlUrl { get; init; }

    /// <summary>Reference-agency fault switches (<c>sut.faults</c>, kebab-case); embedded only.</summary>
    public IReadOnlyList<string> Faults { get; init; } = [];

    /// <summary>sut.image: the local image of a container SUT (sut.driver "container").</summary>
    public string? Image { get; init; }

    /// <summary>sut.environment: extra environment variables for a container SUT.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>sut.startupSeconds: how long a container SUT may take to become healthy.</summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public ValidationProfile HubStrictness { get; init; } = ValidationProfile.Strict;

    /// <summary>Loopback port of the fake hub; 0 = any free port (set one for a SUT configured statically).</summary>
    public int HubPort { get; init; }

    public string PeerOrganizationId { get; init; } = DefaultPeerOrganizationId;

    public string SecondPeerOrganizationId { get; init; } = DefaultSecondPeerOrganizationId;

    public string UnknownOrganizationId { get; init; } = DefaultUnknownOrganizationId;

    /// <summary>How long one step waits for an effect on the wire (<c>timeouts.stepSeconds</c>).</summary>
    public TimeSpan StepTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a manual step waits for the operator's action to show on the wire (<c>timeouts.manualStepSeconds</c>).</summary>
    public TimeSpan ManualStepTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Items allowed to fail, each with a reason; one that passes is reported (<c>expectedDeviations</c>).</summary>
    public IReadOnlyList<ItemNote> ExpectedDeviations { get; init; } = [];

    /// <summary>Items that do not apply to this SUT (<c>notApplicable</c>).</summary>
    public IReadOnlyList<ItemNote> NotApplicable { get; init; } = [];

    public ItemNote? ExpectedDeviation(string itemId) => ExpectedDeviations.FirstOrDefault(d => d.Id == itemId);

    public ItemNote? NotApplicableReason(string itemId) => NotApplicable.FirstOrDefault(d => d.Id == itemId);

    /// <summary>The timeout for waiting on the system under test in this profile's mode.</summary>
    public TimeSpan SutTimeout => Driver == SutDriverKind.Manual ? ManualStepTimeout : StepTimeout;
}
