namespace ECms.Conformance.Steps.Drivers.Sut;

/// <summary>
/// A SUT the harness starts itself (in-process or in a container) and then drives only through its control API —
/// the contract is the interface, so a hosted SUT is exercised exactly like a vendor's. Subclasses own the host.
/// </summary>
public abstract class HostedSutDriver : ISutDriver
{
    private readonly ControlApiSutDriver _api;

    protected HostedSutDriver(Uri controlUrl, TimeSpan requestTimeout, string kind)
    {
        _api = new ControlApiSutDriver(controlUrl, requestTimeout, kind: kind);
    }

    public string Kind => _api.Kind;

    public Uri ControlUrl => _api.ControlUrl;

    public virtual long? MaxInboundLetterBytes => null;

    public virtual bool ActsSynchronously => false;

    /// <summary>Stops the SUT as a crash would: its control API stops answering (used to test interrupted runs).</summary>
    public abstract Task KillAsync();

    public Task<SutHealth> HealthAsync(CancellationToken cancellationToken) => _api.HealthAsync(cancellationToken);

    public Task<SutActionResult> ConfigureAsync(Uri ecmsEndpoint, string organizationId, CancellationToken cancellationToken) =>
        _api.ConfigureAsync(ecmsEndpoint, organizationId, cancellationToken);

    public Task<SutActionResult> RefreshDirectoryAsync(CancellationToken cancellationToken) => _api.RefreshDirectoryAsync(cancellationToken);

    public Task<SutActionResult> SendLetterAsync(LetterRequest letter, CancellationToken cancellationToken) => _api.SendLetterAsync(letter, cancellationToken);

    public Task<SutActionResult> PollAsync(CancellationToken cancellationToken) => _api.PollAsync(cancellationToken);

    public Task<SutActionResult> LetterActionAsync(SutLetterAction action, SutLetterKey key, string? acceptId, LetterRequest? corrected, CancellationToken cancellationToken) =>
        _api.LetterActionAsync(action, key, acceptId, corrected, cancellationToken);

    public Task<IReadOnlyList<SutLetterView>> FindLettersAsync(SutDirection direction, SutLetterKey key, CancellationToken cancellationToken) =>
        _api.FindLettersAsync(direction, key, cancellationToken);

    public Task<int> CountLettersAsync(SutDirection direction, CancellationToken cancellationToken) => _api.CountLettersAsync(direction, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _api.DisposeAsync().ConfigureAwait(false);
        await DisposeHostAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    protected abstract ValueTask DisposeHostAsync();
}
