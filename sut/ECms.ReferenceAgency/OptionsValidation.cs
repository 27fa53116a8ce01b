namespace ECms.ReferenceAgency;

/// <summary>The checks behind <see cref="ReferenceAgencyOptions.Validate"/> and the control API's configure action.</summary>
internal static class OptionsValidation
{
    public static string? FirstProblem(ReferenceAgencyOptions options)
    {
        if (options.Port is < 0 or > 65535)
        {
            return $"Port {options.Port} is not a TCP port. Fix: use a number from 1 to 65535, or 0 for any free port (--port / ECMS_AGENCY_PORT).";
        }

        if ((options.EcmsEndpoint is null) != (options.OrganizationId is null))
        {
            return "The e-CMS endpoint and the organisation code go together. Fix: give both --ecms-endpoint and --organization-id "
                + "(ECMS_ENDPOINT / ECMS_ORGANIZATION_ID), or neither and configure the agency later through the control API.";
        }

        if (options.EcmsEndpoint is not null && EndpointProblem(options.EcmsEndpoint.OriginalString) is { } endpoint)
        {
            return endpoint;
        }

        if (options.OrganizationId is not null && OrganizationProblem(options.OrganizationId) is { } organization)
        {
            return organization;
        }

        if (options.BatchLimit < 1)
        {
            return $"Batch limit {options.BatchLimit} would never pull anything. Fix: use 1 or more (--batch-limit / ECMS_AGENCY_BATCH_LIMIT).";
        }

        if (options.PollInterval is { } interval && interval <= TimeSpan.Zero)
        {
            return "The poll interval must be positive. Fix: give seconds above 0 (--poll-interval / ECMS_AGENCY_POLL_INTERVAL), or leave it out to poll only on request.";
        }

        if (options.HubTimeout <= TimeSpan.Zero)
        {
            return "The hub timeout must be positive. Fix: give seconds above 0 (--hub-timeout / ECMS_AGENCY_HUB_TIMEOUT).";
        }

        if (options.MaxInboundLetterBytes < 1)
        {
            return "The largest inbound letter must be at least 1 byte. Fix: --max-letter-bytes / ECMS_AGENCY_MAX_LETTER_BYTES.";
        }

        if (options.DataPath is { } path && DataPathProblem(path) is { } data)
        {
            return data;
        }

        return string.IsNullOrWhiteSpace(options.MessageIdHost) || options.MessageIdHost.Any(char.IsWhiteSpace)
            ? "The MessageID host name must be non-empty and without spaces."
            : null;
    }

    public static string? EndpointProblem(string? endpoint)
    {
        if (string.IsNullOrWhiteSpace(endpoint)
            || !Uri.TryCreate(endpoint, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https"))
        {
            return $"The e-CMS endpoint \"{endpoint}\" is not an absolute http(s) URL. "
                + "Fix: give the agency's own endpoint, e.g. --ecms-endpoint http://127.0.0.1:41234/9900100000/ecms-ws01/service2 (ECMS_ENDPOINT).";
        }

        return null;
    }

    public static string? OrganizationProblem(string? organizationId) =>
        organizationId is { Length: 10 or 5 } && organizationId.All(char.IsAsciiDigit)
            ? null
            : $"The organisation code \"{organizationId}\" is not a 10-digit e-CMS 2.0 code (or a 5-digit 1.x code). "
                + "Fix: give the code the hub registered, e.g. --organization-id 9900100000 (ECMS_ORGANIZATION_ID).";

    private static string? DataPathProblem(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return "The data file path is empty. Fix: give a file, e.g. --data ./agency.db (ECMS_AGENCY_DATA).";
        }

        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            return $"The data path \"{path}\" is a directory. Fix: name a file inside it, e.g. --data {Path.Combine(path, "agency.db")}.";
        }

        var folder = Path.GetDirectoryName(full);
        return folder is not null && !Directory.Exists(folder)
            ? $"The folder of the data file \"{path}\" does not exist. Fix: create \"{folder}\" or choose another --data path."
            : null;
    }
}
