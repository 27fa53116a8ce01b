using ECms.ReferenceAgency.Faults;
using Microsoft.Extensions.Logging;

namespace ECms.ReferenceAgency;

/// <summary>
/// Everything the reference agency needs to run: where it listens, which e-CMS endpoint it talks to, where its
/// registers live and which deviations (fault switches) it injects. The same options drive the in-process host and
/// the standalone process (<c>--port</c>, <c>--ecms-endpoint</c>, … or the ECMS_* environment variables).
/// </summary>
public sealed record ReferenceAgencyOptions
{
    public const int DefaultBatchLimit = 100;
    public const long DefaultMaxInboundLetterBytes = 30L * 1024 * 1024;

    /// <summary>Port on 127.0.0.1 for the control API; 0 picks a free port (see <see cref="ReferenceAgencyHost.BaseUrl"/>).</summary>
    public int Port { get; init; }

    /// <summary>The agency's own e-CMS endpoint. Null = not configured yet (the control API's configure action sets it).</summary>
    public Uri? EcmsEndpoint { get; init; }

    /// <summary>The agency's own organisation code (10 digits in e-CMS 2.0). Required together with <see cref="EcmsEndpoint"/>.</summary>
    public string? OrganizationId { get; init; }

    /// <summary>The SQLite file holding the registers. Null = a temporary file, deleted when the host stops.</summary>
    public string? DataPath { get; init; }

    /// <summary>Deviations to inject, each exactly one known protocol fault (Faults/fault-catalogue.json).</summary>
    public IReadOnlySet<AgencyFault> Faults { get; init; } = new HashSet<AgencyFault>();

    /// <summary>Poll on the agency's own timer at this interval; null = only when the control API's poll action asks.</summary>
    public TimeSpan? PollInterval { get; init; }

    /// <summary>At most this many queue items per polling cycle (spec R-PULL-4: "until empty, or a batch limit").</summary>
    public int BatchLimit { get; init; } = DefaultBatchLimit;

    /// <summary>How long one e-CMS call may take before the agency gives up on it (its outcome is then unknown).</summary>
    public TimeSpan HubTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest inbound letter (decoded files) the agency stores; a larger one stays in the queue, undeleted.</summary>
    public long MaxInboundLetterBytes { get; init; } = DefaultMaxInboundLetterBytes;

    /// <summary>The agency is configured at start-up only: the configure action answers not-supported.</summary>
    public bool StaticConfiguration { get; init; }

    /// <summary>The agency polls on its own timer only: the poll action answers not-supported.</summary>
    public bool TimerOnlyPolling { get; init; }

    /// <summary>The name after the "@" of every wsa:MessageID (mid://yyyyMMdd.HHmmssfff@name).</summary>
    public string MessageIdHost { get; init; } = "reference-agency";

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Where log output goes; null = no logging (the embedded default).</summary>
    public Action<ILoggingBuilder>? Logging { get; init; }

    /// <summary>Throws <see cref="ReferenceAgencyConfigurationException"/> naming the fix when the options cannot work.</summary>
    public void Validate()
    {
        var problem = OptionsValidation.FirstProblem(this);
        if (problem is not null)
        {
            throw new ReferenceAgencyConfigurationException(problem);
        }
    }
}
