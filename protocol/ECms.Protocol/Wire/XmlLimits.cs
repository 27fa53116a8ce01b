namespace ECms.Protocol.Wire;

/// <summary>
/// Limits for parsing XML from strangers. The defaults fit the largest letter the hub accepts (30 MB, spec §1.3
/// [HARNESS]) while refusing documents built to exhaust memory or stack.
/// </summary>
public sealed record XmlLimits
{
    public const long DefaultMaxBytes = 30L * 1024 * 1024;

    public long MaxBytes { get; init; } = DefaultMaxBytes;
    public int MaxDepth { get; init; } = 32;
    public int MaxElements { get; init; } = 50_000;
    public int MaxAttributesPerElement { get; init; } = 32;

    public static XmlLimits Default { get; } = new();
}
