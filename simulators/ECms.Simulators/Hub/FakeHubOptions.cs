using ECms.Protocol.CodeLists;
using ECms.Protocol.Rules;
using ECms.Protocol.Wire;
using ECms.Simulators.Errors;
using ECms.Simulators.Persistence;
using Microsoft.AspNetCore.Http;

namespace ECms.Simulators.Hub;

/// <summary>How a <see cref="FakeHub"/> behaves. Every default is the spec's [HARNESS] choice.</summary>
public sealed record FakeHubOptions
{
    /// <summary>The loopback port; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>
    /// The address to listen on: 127.0.0.1 unless a standalone hub's operator explicitly allows another interface
    /// (the CLI's <c>--allow-remote-bind</c>). Tests never change it.
    /// </summary>
    public string BindAddress { get; init; } = "127.0.0.1";

    /// <summary>
    /// False (the default): the hub serves once <see cref="FakeHub.Start"/> returns, its data file restored. True: requests
    /// wait until the owner calls <see cref="FakeHub.Open"/> — for an owner that connects agencies or serves routes of its
    /// own after start (the dev hub), so no early request meets a half-set-up hub (404 for an agency not yet connected).
    /// </summary>
    public bool OpenExplicitly { get; init; }

    /// <summary>
    /// A SQLite file that keeps letters, queues, states, receipt numbers, agencies and the journal across restarts;
    /// null (the default) keeps everything in memory only, as the conformance suite wants.
    /// </summary>
    public string? DataFile { get; init; }

    /// <summary>
    /// With a <see cref="DataFile"/>: take over the strictness, clock offset and injected faults the file kept from the
    /// last run (true, the default — a stored strictness wins over <see cref="Strictness"/>), or forget them and start
    /// from these options (false).
    /// </summary>
    public bool RestoreRunTimeSettings { get; init; } = true;

    /// <summary>
    /// At most this many exchanges held in <see cref="FakeHub.Journal"/> (about 3 KB for an empty pull), the oldest let go;
    /// null (the default) holds every one, as a conformance run needs for its evidence. The dev hub sets a limit: its
    /// monitor reads the stored journal, and a peer polling every two seconds would otherwise add ~100 MB a day.
    /// </summary>
    public int? MaxJournalEntriesInMemory { get; init; }

    /// <summary>How much of each request and response body the stored journal keeps (the in-memory journal keeps all).</summary>
    public int MaxStoredBodyBytes { get; init; } = 256 * 1024;

    /// <summary>
    /// How much history the stored journal keeps (default: the last 30 days, at most 50,000 exchanges); pruned at start
    /// and in the background as exchanges are stored. Letters and queue items are never pruned.
    /// </summary>
    public JournalRetention JournalRetention { get; init; } = JournalRetention.Default;

    /// <summary>A background prune runs after this many stored exchanges (or an hour after the last one).</summary>
    internal int JournalPruneEveryExchanges { get; init; } = 500;

    /// <summary>How long a write waits for a SQLite lock held by another process before the request fails with E900.</summary>
    public TimeSpan StoreBusyTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Extra routes served before the e-CMS endpoints (the dev hub's monitor and admin API); true = handled.</summary>
    internal Func<HttpContext, Task<bool>>? SideRoutes { get; init; }

    /// <summary>
    /// Strict refuses every MUST finding; lenient refuses only what a real hub plausibly would (see <see cref="RejectPolicy"/>).
    /// On a data file this is the strictness until one is set at run time; see <see cref="RestoreRunTimeSettings"/>.
    /// </summary>
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

    /// <summary>
    /// The Content-Type of the hub's SOAP answers. The real hub's is unknown (spec §2.1 [HARNESS]); checklist A5 answers
    /// with a bare <c>text/xml</c>, without the charset parameter a client must not depend on (the XML is UTF-8 anyway).
    /// </summary>
    public string ResponseContentType { get; init; } = "text/xml; charset=utf-8";

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
