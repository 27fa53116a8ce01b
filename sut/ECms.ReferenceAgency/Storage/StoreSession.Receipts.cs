namespace ECms.ReferenceAgency.Storage;

internal sealed partial class StoreSession
{
    public bool IsReceiptNumberTaken(string acceptId) =>
        Scalar("SELECT 1 FROM receipt_numbers WHERE accept_id = $id", ("$id", acceptId)) is not null;

    public int LastReceiptSequence(int buddhistYear) =>
        Convert.ToInt32(Scalar("SELECT last_number FROM receipt_sequences WHERE year_be = $year", ("$year", buddhistYear)) ?? 0L,
            System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Records an issued receipt number; <paramref name="sequence"/> advances the year's running number when it came from it.</summary>
    public void RecordReceiptNumber(string acceptId, long inboundId, int buddhistYear, int? sequence, string now)
    {
        Execute("INSERT INTO receipt_numbers (accept_id, inbound_id, issued_at) VALUES ($id, $inbound, $now)",
            ("$id", acceptId), ("$inbound", inboundId), ("$now", now));
        if (sequence is { } number)
        {
            Execute("""
                INSERT INTO receipt_sequences (year_be, last_number) VALUES ($year, $number)
                ON CONFLICT (year_be) DO UPDATE SET last_number = MAX(last_number, excluded.last_number)
                """,
                ("$year", buddhistYear), ("$number", number));
        }
    }
}
