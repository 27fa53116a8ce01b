namespace ECms.Simulators.Client;

/// <summary>How an <see cref="EcmsHubClient"/> talks to its endpoint.</summary>
public sealed record EcmsHubClientOptions
{
    /// <summary>Real time for an answer; runs on <see cref="TimeProvider"/>.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>Clock for timeouts and MessageIDs.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The "@name" part of generated MessageIDs (<c>mid://yyyyMMdd.HHmmssfff@name</c>, spec §2.1).</summary>
    public string MessageIdHost { get; init; } = "ecms-conformance";

    /// <summary>The 2.0 client sends <c>text/xml; encoding='utf-8'</c>; the correct form is the default.</summary>
    public string ContentType { get; init; } = "text/xml; charset=utf-8";

    /// <summary>Responses larger than this are refused unread (a pulled letter is at most the hub's request limit).</summary>
    public long MaxResponseBytes { get; init; } = 64L * 1024 * 1024;
}
