using System.Globalization;
using ECms.Protocol;
using ECms.Protocol.Messages;
using ECms.ReferenceAgency.Faults;
using ECms.ReferenceAgency.Hub;
using ECms.ReferenceAgency.Storage;
using Microsoft.Extensions.Logging;

namespace ECms.ReferenceAgency.Saraban;

/// <summary>
/// The saraban system itself: the operator's actions (send, register, reject, …), the polling cycle and the rules a
/// correct agency keeps. One action runs at a time — a small office's register has one clerk — so the control API,
/// the timer and retries never interleave on the same letter. Each aspect is a partial file: Agency.Send.cs,
/// Agency.Poll.cs, Agency.Receiver.cs, Agency.Sender.cs, Agency.Directory.cs.
/// </summary>
internal sealed partial class Agency : IDisposable
{
    private const string EndpointSetting = "ecms-endpoint";
    private const string OrganizationSetting = "organization-id";
    private const string MessageIdSetting = "last-message-id-at";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly AgencyStore _store;
    private readonly HubConnection _hub;
    private readonly WireFaults _faults;
    private readonly ReferenceAgencyOptions _options;
    private readonly TimeProvider _clock;
    private readonly MessageIds _messageIds;
    private readonly ILogger _logger;
    private Uri? _endpoint;
    private string? _organizationId;

    public Agency(ReferenceAgencyOptions options, AgencyStore store, HttpClient http, ILogger<Agency> logger)
    {
        _options = options;
        _store = store;
        _clock = options.TimeProvider;
        _logger = logger;
        _faults = new WireFaults(options.Faults);
        var lastMessageAt = store.InTransaction(s => s.GetSetting(MessageIdSetting));
        _messageIds = new MessageIds(_clock, options.MessageIdHost,
            DateTimeOffset.TryParse(lastMessageAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out var last) ? last : null);
        _hub = new HubConnection(http, _faults, _messageIds, _clock, options.HubTimeout, logger);

        // Start-up configuration wins over what an earlier run stored through the configure action.
        store.InTransaction(s =>
        {
            if (options.EcmsEndpoint is not null && options.OrganizationId is not null)
            {
                ApplyConfiguration(s, options.EcmsEndpoint, options.OrganizationId);
            }

            var endpoint = s.GetSetting(EndpointSetting);
            _endpoint = endpoint is null ? null : new Uri(endpoint);
            _organizationId = s.GetSetting(OrganizationSetting);
        });
    }

    public string? OrganizationId => _organizationId;

    public Uri? Endpoint => _endpoint;

    public IReadOnlySet<AgencyFault> Faults => _options.Faults;

    public bool TimerOnlyPolling => _options.TimerOnlyPolling;

    public IReadOnlyList<OutboundLetter> ListOutbound() => _store.InTransaction(s => s.ListOutbound());

    public IReadOnlyList<InboundLetter> ListInbound() => _store.InTransaction(s => s.ListInbound());

    public IReadOnlyList<ParkedItem> ListParked() => _store.InTransaction(s => s.ListParked());

    public void Dispose() => _gate.Dispose();

    /// <summary>Runs one action alone, after checking that the agency knows its endpoint.</summary>
    private async Task<ActionResult> SerializedAsync(Func<Uri, string, Task<ActionResult>> action, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_endpoint is null || _organizationId is null)
            {
                return ActionResult.Refused("The agency is not configured: it does not know its e-CMS endpoint. "
                    + "Fix: POST actions/configure with ecmsEndpoint and organizationId, or start it with --ecms-endpoint and --organization-id.");
            }

            return await action(_endpoint, _organizationId).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>One e-CMS call; remembers the MessageID high-water mark so a restart never reuses one.</summary>
    private async Task<HubResult> CallAsync(Uri endpoint, EcmsRequest request, string to, CancellationToken cancellationToken)
    {
        var result = await _hub.CallAsync(endpoint, request, to, cancellationToken).ConfigureAwait(false);
        _store.InTransaction(s => s.SetSetting(MessageIdSetting, _messageIds.LastIssued.ToString("O", CultureInfo.InvariantCulture)));
        return result;
    }

    /// <summary>The hub's answer as what this call expects; an answer of another kind is as unusable as no answer.</summary>
    private static HubResult Expect<T>(HubResult result)
        where T : EcmsResponse =>
        result.Response is null or T or ErrorResponse
            ? result
            : HubResult.Failed(HubFailureKind.BadResponse, $"The hub answered with {result.Response.GetType().Name} where {typeof(T).Name} was expected.", outcomeUnknown: true);

    /// <summary>
    /// Whether the agency takes the hub's answer as success. A correct agency never does when there is an ErrorDetail;
    /// the ignore-error-detail fault looks at the HTTP status only.
    /// </summary>
    private bool Succeeded(HubResult result) =>
        result.Response is not null and not ErrorResponse
        || (result.IsHubError && _faults.Has(AgencyFault.IgnoreErrorDetail));

    private static ActionResult HubProblem(string what, HubResult result, params (string Name, object? Value)[] fields)
    {
        var errors = result.ErrorsForOperator();
        var summary = string.Join("; ", errors.Select(e => $"{e.Code} {e.Description}".Trim()));
        var reason = result.IsHubError
            ? $"The hub refused to {what}: {summary}"
            : $"Could not {what}: {result.FailureMessage}" + (result.OutcomeUnknown ? " The hub may have received it; the agency will check before trying again." : "");
        if (errors.Any(e => e.Code == DuplicateLetterCode))
        {
            reason += " The hub still holds an active letter with this number and date for this receiver: withdraw it first (withdraw), or use resend.";
        }

        return ActionResult.HubError(reason, errors, fields);
    }

    private string Now() => _clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    private string ThaiNowForWire() => WireFormats.FormatDateTime(_clock.GetUtcNow());

    private static void ApplyConfiguration(StoreSession session, Uri endpoint, string organizationId)
    {
        if (session.GetSetting(EndpointSetting) is { } previous && previous != endpoint.OriginalString)
        {
            // Another hub: its directory is not this one's.
            session.ReplaceOrganizations([]);
            session.SetSetting(DirectoryRefreshedSetting, null);
        }

        session.SetSetting(EndpointSetting, endpoint.OriginalString);
        session.SetSetting(OrganizationSetting, organizationId);
    }
}
