using ECms.Protocol;
using ECms.Protocol.Messages;
using ECms.ReferenceAgency.Hub;
using ECms.ReferenceAgency.Storage;

namespace ECms.ReferenceAgency.Saraban;

internal sealed partial class Agency
{
    private const string DirectoryRefreshedSetting = "directory-refreshed-at";
    private const string SecretList = "secret";
    private const string SpeedList = "speed";
    private const string MimeList = "mime";

    public async Task<ActionResult> ConfigureAsync(string? ecmsEndpoint, string? organizationId, CancellationToken cancellationToken)
    {
        if (_options.StaticConfiguration)
        {
            return ActionResult.NotSupported("This agency was started with a fixed configuration (--static-config); its endpoint cannot be changed at run time.");
        }

        if (OptionsValidation.EndpointProblem(ecmsEndpoint) is { } endpointProblem)
        {
            return ActionResult.Refused(endpointProblem);
        }

        if (OptionsValidation.OrganizationProblem(organizationId) is { } organizationProblem)
        {
            return ActionResult.Refused(organizationProblem);
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var endpoint = new Uri(ecmsEndpoint!);
            var refusal = _store.InTransaction(s =>
            {
                var stored = s.GetSetting(OrganizationSetting);
                if (stored is not null && stored != organizationId && (s.ListOutbound().Count > 0 || s.ListInbound().Count > 0))
                {
                    return $"This data file holds the registers of organisation {stored}; it cannot become {organizationId}. "
                        + "Fix: start the agency with another --data file for the other organisation.";
                }

                ApplyConfiguration(s, endpoint, organizationId!);
                return null;
            });
            if (refusal is not null)
            {
                return ActionResult.Refused(refusal);
            }

            _endpoint = endpoint;
            _organizationId = organizationId;
            return ActionResult.Done(("ecmsEndpoint", endpoint.OriginalString), ("organizationId", organizationId));
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task<ActionResult> RefreshDirectoryAsync(CancellationToken cancellationToken) =>
        SerializedAsync(async (endpoint, _) =>
        {
            var (result, count) = await FetchDirectoryAsync(endpoint, cancellationToken).ConfigureAwait(false);
            return result is null
                ? ActionResult.Done(("organizations", count))
                : HubProblem("deliver the directory", result);
        }, cancellationToken);

    /// <summary>
    /// Fetches the organisation list and the code lists (spec §5.7) as at start-up; null when all arrived. Code lists
    /// the hub does not answer keep their previous (or standard) values: only the organisation list is essential.
    /// </summary>
    private async Task<(HubResult? Failure, int Organizations)> FetchDirectoryAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        var own = endpoint.OriginalString;
        var organizations = Expect<OrganizationListResponse>(
            await CallAsync(endpoint, new DirectoryRequest(Operation.GetOrganizationList), own, cancellationToken).ConfigureAwait(false));
        if (organizations.Response is not OrganizationListResponse list)
        {
            return (organizations, 0);
        }

        var fetched = new Dictionary<string, IEnumerable<(string, string)>>();
        foreach (var operation in new[] { Operation.GetMinistryOrganizationList, Operation.GetSecretCodes, Operation.GetSpeedCodes, Operation.GetMimeCodes })
        {
            var answer = await CallAsync(endpoint, new DirectoryRequest(operation), own, cancellationToken).ConfigureAwait(false);
            switch (answer.Response)
            {
                case CodeListResponse { ForOperation: Operation.GetSecretCodes } secret:
                    fetched[SecretList] = secret.Codes.Select(c => (c.Value, c.Description));
                    break;
                case CodeListResponse { ForOperation: Operation.GetSpeedCodes } speed:
                    fetched[SpeedList] = speed.Codes.Select(c => (c.Value, c.Description));
                    break;
                case MimeCodesResponse mime:
                    fetched[MimeList] = mime.MimeTypes.Select(m => (m.ContentType, m.FileExtension));
                    break;
                case MinistryListResponse:
                    // Ministry codes are derived from the organisation code (spec §8.1); the list is only displayed.
                    break;
                default:
                    _logger.LogWarning("Directory call {Operation} brought no list: {Problem}", operation,
                        answer.FailureMessage ?? string.Join("; ", answer.HubErrors.Select(e => e.Code)));
                    break;
            }
        }

        _store.InTransaction(s =>
        {
            s.ReplaceOrganizations(list.Organizations);
            foreach (var (name, values) in fetched)
            {
                s.ReplaceCodes(name, values);
            }

            s.SetSetting(DirectoryRefreshedSetting, Now());
        });
        return (null, list.Organizations.Count);
    }

    /// <summary>A saraban system loads the directory at start-up; this one does so before the first action that needs it.</summary>
    private async Task<HubResult?> EnsureDirectoryAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        if (_store.InTransaction(s => s.GetSetting(DirectoryRefreshedSetting)) is not null)
        {
            return null;
        }

        var (failure, _) = await FetchDirectoryAsync(endpoint, cancellationToken).ConfigureAwait(false);
        return failure;
    }

    private OrganizationInfo? Organization(string organizationId) => _store.InTransaction(s => s.FindOrganization(organizationId));

    private CodeListView Codes() => _store.InTransaction(s => CodeListView.From(s.Codes(SecretList), s.Codes(SpeedList), s.Codes(MimeList)));
}
