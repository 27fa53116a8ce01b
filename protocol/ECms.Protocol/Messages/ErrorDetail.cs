namespace ECms.Protocol.Messages;

/// <summary>A business error (spec §9.1): ErrorCode then ErrorDescription, unqualified.</summary>
public sealed record ErrorDetail(string Code, string Description);
