using ECms.Protocol.Lifecycle;
using ECms.Protocol.Messages;
using ECms.Protocol.Wire;

namespace ECms.Protocol.Rules;

/// <summary>
/// Everything a rule may look at: the raw bytes, the loaded envelope (or why it could not be loaded), the request
/// read from it, and — when the caller has them — the context that some rules need (spec §7): who the caller is,
/// the directory, the hub's letters and queues. A rule whose context is missing stays silent rather than guess.
/// </summary>
public sealed record RuleContext
{
    public required ValidationProfile Profile { get; init; }
    public ReadOnlyMemory<byte> Raw { get; init; }
    public SoapEnvelope? Envelope { get; init; }
    public XmlLoadProblem? LoadProblem { get; init; }
    public EcmsRequest? Request { get; init; }
    public Operation Operation { get; init; }
    public HttpFacts? Http { get; init; }

    /// <summary>The organisation that owns the endpoint the request arrived at (the caller's identity, spec §1.1).</summary>
    public string? CallerOrganizationId { get; init; }

    public IOrganizationDirectory? Directory { get; init; }
    public CodeLists.CodeLists CodeLists { get; init; } = ECms.Protocol.CodeLists.CodeLists.Standard;
    public ILetterRegistry? Letters { get; init; }
    public IQueueView? Queues { get; init; }

    /// <summary>MessageIDs already seen from this caller, for the uniqueness part of R-ENV-1.</summary>
    public IReadOnlySet<string>? SeenMessageIds { get; init; }

    public long MaxRequestBytes { get; init; } = XmlLimits.DefaultMaxBytes;
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public bool IsStrict => Profile == ValidationProfile.Strict;
}
