using ECms.Protocol.Messages;

namespace ECms.Protocol.Lifecycle;

/// <summary>What the rules need to know about a letter the hub holds.</summary>
public sealed record LetterRecord(LetterKey Key, LetterState State, string Subject, string? AcceptId);
