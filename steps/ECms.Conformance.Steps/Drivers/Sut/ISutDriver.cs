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
