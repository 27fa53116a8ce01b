namespace ECms.Protocol.Messages;

/// <summary>The SOAP header of a request: wsa:MessageID and wsa:To (spec §2.1). Null = element absent.</summary>
public sealed record AddressingHeader(string? MessageId, string? To);
