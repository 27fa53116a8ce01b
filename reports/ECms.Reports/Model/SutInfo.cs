namespace ECms.Reports.Model;

/// <summary>The system under test as its health endpoint (or the operator) described it; any part may be unknown.</summary>
public sealed record SutInfo
{
    public string? Name { get; init; }

    public string? Product { get; init; }

    /// <summary>The agency's 10-digit e-CMS organisation code.</summary>
    public string? OrganizationId { get; init; }

    public string? Version { get; init; }

    /// <summary>How the suite drove it: <c>embedded</c>, <c>control-api</c> or <c>manual</c>.</summary>
    public string? Driver { get; init; }
}
