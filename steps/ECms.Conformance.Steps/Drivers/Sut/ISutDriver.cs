namespace ECms.Conformance.Steps.Drivers.Sut;

/// <summary>
/// Makes the system under test act and reads what it shows, in the terms of the SUT control API v1. Three
/// implementations: the control API over HTTP (also the embedded reference agency's), and an operator (manual mode).
/// Failures to reach the SUT throw <see cref="SutUnreachableException"/>; every answer of the SUT is a result.
/// </summary>
public interface ISutDriver : IAsyncDisposable
{
    /// <summary>"embedded", "control-api" or "manual".</summary>
    string Kind { get; }

    /// <summary>
    /// The largest inbound letter (decoded files, bytes) the SUT is known to store, when the harness controls it: D3 then
    /// makes the SUT's storage fail with a larger one. Null when unknown (D3 relies on the failed delete alone).
    /// </summary>
    long? MaxInboundLetterBytes => null;

    /// <summary>
    /// True when every request an action causes has reached the hub by the time the action answers (the embedded
    /// agency): a wait for an effect then only covers the journal's own latency and gives up after a short settle time
    /// instead of the whole step timeout, so a faulty SUT costs seconds, not minutes. Unknown SUTs may act later.
    /// </summary>
    bool ActsSynchronously => false;

    Task<SutHealth> HealthAsync(CancellationToken cancellationToken);

    Task<SutActionResult> ConfigureAsync(Uri ecmsEndpoint, string organizationId, CancellationToken cancellationToken);

    Task<SutActionResult> RefreshDirectoryAsync(CancellationToken cancellationToken);

    Task<SutActionResult> SendLetterAsync(LetterRequest letter, CancellationToken cancellationToken);

    /// <summary>One polling cycle now: pull until the queue is empty, handle and delete each item.</summary>
    Task<SutActionResult> PollAsync(CancellationToken cancellationToken);

    /// <param name="acceptId">For register: a specific receipt number to ask for.</param>
    /// <param name="corrected">For resend: the corrected letter, or null to resend as it was.</param>
    Task<SutActionResult> LetterActionAsync(SutLetterAction action, SutLetterKey key, string? acceptId, LetterRequest? corrected, CancellationToken cancellationToken);

    /// <summary>The letters with this key the SUT lists (normally none or one).</summary>
    Task<IReadOnlyList<SutLetterView>> FindLettersAsync(SutDirection direction, SutLetterKey key, CancellationToken cancellationToken);

    /// <summary>How many letters the SUT lists in that register.</summary>
    Task<int> CountLettersAsync(SutDirection direction, CancellationToken cancellationToken);
}
