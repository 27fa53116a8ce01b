namespace ECms.ReferenceAgency.Storage;

internal sealed partial class StoreSession
{
    /// <summary>Whether a queue item with this ProcessID was already stored (a re-delivery is only deleted again, R-PULL-2).</summary>
    public bool WasHandled(string processId) =>
        Scalar("SELECT 1 FROM handled_items WHERE process_id = $id", ("$id", processId)) is not null;

    /// <summary>Records a queue item as handled, in the same transaction that stored its effect.</summary>
    public void MarkHandled(string processId, string kind, string outcome, string now) =>
        Execute("INSERT OR IGNORE INTO handled_items (process_id, kind, outcome, handled_at) VALUES ($id, $kind, $outcome, $now)",
            ("$id", processId), ("$kind", kind), ("$outcome", outcome), ("$now", now));

    /// <summary>Keeps an item the agency could not attach to any letter, for an operator to look at (checklist C21, D15).</summary>
    public void Park(string processId, string kind, string letterId, string correspondenceDate, string reason, string now) =>
        Execute("""
            INSERT INTO parked_items (process_id, kind, letter_id, correspondence_date, reason, parked_at)
            VALUES ($id, $kind, $letter, $date, $reason, $now)
            """,
            ("$id", processId), ("$kind", kind), ("$letter", letterId), ("$date", correspondenceDate), ("$reason", reason), ("$now", now));

    public IReadOnlyList<ParkedItem> ListParked() =>
        Query("SELECT process_id, kind, letter_id, correspondence_date, reason, parked_at FROM parked_items ORDER BY id",
            r => new ParkedItem(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5)));
}
