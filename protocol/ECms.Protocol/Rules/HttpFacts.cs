namespace ECms.Protocol.Rules;

/// <summary>The HTTP facts of a request, when it came over HTTP (R-ENV-7, R-ENV-8). Files validated offline have none.</summary>
public sealed record HttpFacts(string Method, string? ContentType, string? SoapAction = null);
