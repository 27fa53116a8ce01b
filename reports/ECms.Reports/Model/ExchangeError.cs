namespace ECms.Reports.Model;

/// <summary>One <c>ErrorDetail</c> of a hub error response (spec §9.1).</summary>
public sealed record ExchangeError(string? Code = null, string? Description = null);
