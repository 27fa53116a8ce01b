namespace ECms.ReferenceAgency.Storage;

/// <summary>A queue item the agency stored aside because it matched no letter (deleted from the queue all the same).</summary>
internal sealed record ParkedItem(string ProcessId, string Kind, string LetterId, string CorrespondenceDate, string Reason, string ParkedAt);
