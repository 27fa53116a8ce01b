namespace ECms.Protocol.Messages;

/// <summary>ram:ReferenceCorrespondence — an earlier letter referred to (อ้างถึง).</summary>
public sealed record LetterReference(string LetterId, string CorrespondenceDate, string Subject)
{
    /// <summary>The 2.0 client's empty placeholder (spec §3.1): all three fields empty.</summary>
    public bool IsPlaceholder =>
        LetterId.Length == 0 && CorrespondenceDate.Length == 0 && Subject.Length == 0;
}
