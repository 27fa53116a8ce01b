using ECms.Protocol.Messages;

namespace ECms.Protocol.Lifecycle;

/// <summary>The hub's letters, as the context-dependent rules see them (R-SEND-DUP, R-NTF-*, R-DELDOC-1).</summary>
public interface ILetterRegistry
{
    /// <summary>The newest letter with exactly this key, or null.</summary>
    LetterRecord? Find(LetterKey key);

    /// <summary>Every letter with this number and date that the organisation sent or received, newest first.</summary>
    IReadOnlyList<LetterRecord> FindInvolving(string organizationId, string letterId, string correspondenceDate);
}
