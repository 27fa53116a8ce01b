using ECms.Protocol.CodeLists;
using ECms.Protocol.Rules;
using ECms.Protocol.Wire;
using ECms.Simulators.Errors;

namespace ECms.Simulators.Hub;

/// <summary>How a <see cref="FakeHub"/> behaves. Every default is the spec's [HARNESS] choice.</summary>
public sealed record FakeHubOptions
{
    /// <summary>The loopback port; 0 picks a free one. The hub binds to 127.0.0.1 only.</summary>
    public int Port { get; init; }

    /// <summary>Strict refuses every MUST finding; lenient refuses only what a real hub plausibly would (see <see cref="RejectPolicy"/>).</summary>
    public ValidationProfile Strictness { get; init; } = ValidationProfile.Lenient;

    /// <summary>The hub clock: ProcessTime, AcceptDate, TimeCheck, fault windows and injected delays.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The clock journal waits time out on; real time by default, whatever the hub clock is.</summary>
    public TimeProvider WaitTimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Largest request body accepted; a larger declared Content-Length is refused before the body is read.</summary>
    public long MaxRequestBytes { get; init; } = XmlLimits.DefaultMaxBytes;

    /// <summary>Depth, element and attribute limits for parsing; <see cref="XmlLimits.MaxBytes"/> is replaced by <see cref="MaxRequestBytes"/>.</summary>
    public XmlLimits XmlLimits { get; init; } = XmlLimits.Default;

    /// <summary>Response style variants (checklist A5): the <c>env</c> alias, v1-style ministry list.</summary>
    public EcmsWriterOptions WriterOptions { get; init; } = EcmsWriterOptions.Default;

    public CodeLists CodeLists { get; init; } = CodeLists.Standard;

    public RuleEngine RuleEngine { get; init; } = RuleEngine.Standard;

    public ErrorCatalog Errors { get; init; } = ErrorCatalog.Default;

    public RejectPolicy RejectPolicy { get; init; } = RejectPolicy.Default;

    /// <summary>Echo the accepted letter in the send response, as the 2.0 hub does (spec §5.1).</summary>
    public bool EchoLetterInSendResponse { get; init; } = true;

    /// <summary>Give a letter's or notifier's queue item the submission's ProcessID instead of a new one (spec §5.3 [HARNESS]).</summary>
    public bool QueueItemReusesSubmissionProcessId { get; init; }

    /// <summary>Append the finding's English sentence and path to the catalogue text in ErrorDescription.</summary>
    public bool DetailedErrorDescriptions { get; init; } = true;

    /// <summary>At most this many ErrorDetail elements in one refusal.</summary>
    public int MaxErrorDetails { get; init; } = 10;
}
