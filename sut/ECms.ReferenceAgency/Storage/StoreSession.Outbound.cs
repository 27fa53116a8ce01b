using Microsoft.Data.Sqlite;

namespace ECms.ReferenceAgency.Storage;

internal sealed partial class StoreSession
{
    private const string OutboundColumns =
        LetterColumns + ", state, process_id, send_date, accept_id, accept_date, accept_department, last_error";

    public long InsertOutbound(OutboundLetter letter, string now)
    {
        var id = InsertReturningId("""
            INSERT INTO outbound_letters (receiver_id, letter_id, correspondence_date, subject, secret_code, speed_code,
                description, attachment_text, sender_json, receiver_json, references_json, state, created_at, updated_at)
            VALUES ($receiver, $letter, $date, $subject, $secret, $speed, $description, $attachment, $sender, $receiverParty,
                $references, $state, $now, $now)
            """,
            OutboundContent(letter).Append(("$state", RegisterStatus.Name(letter.State))).Append(("$now", now)).ToArray());
        InsertFiles(Outbound, id, letter.Files);
        return id;
    }

    /// <summary>Replaces what the operator wrote (a corrected retry of a letter the hub never took).</summary>
    public void ReplaceOutboundContent(long id, OutboundLetter letter, string now)
    {
        Execute("""
            UPDATE outbound_letters SET receiver_id = $receiver, letter_id = $letter, correspondence_date = $date,
                subject = $subject, secret_code = $secret, speed_code = $speed, description = $description,
                attachment_text = $attachment, sender_json = $sender, receiver_json = $receiverParty,
                references_json = $references, updated_at = $now
            WHERE id = $id
            """,
            OutboundContent(letter).Append(("$id", id)).Append(("$now", now)).ToArray());
        DeleteFiles(Outbound, id);
        InsertFiles(Outbound, id, letter.Files);
    }

    public void SetOutboundState(long id, OutboundState state, string now, string? processId = null, string? sendDate = null, string? lastError = null) =>
        Execute("""
            UPDATE outbound_letters SET state = $state, updated_at = $now,
                process_id = COALESCE($process, process_id), send_date = COALESCE($sendDate, send_date), last_error = $error
            WHERE id = $id
            """,
            ("$id", id), ("$state", RegisterStatus.Name(state)), ("$now", now), ("$process", processId), ("$sendDate", sendDate), ("$error", lastError));

    public void RecordAcceptance(long id, string acceptId, string? acceptDate, string? acceptDepartment, string now) =>
        Execute("""
            UPDATE outbound_letters SET state = $state, accept_id = $accept, accept_date = $date, accept_department = $department,
                updated_at = $now
            WHERE id = $id
            """,
            ("$id", id), ("$state", RegisterStatus.Name(OutboundState.Accepted)), ("$accept", acceptId), ("$date", acceptDate),
            ("$department", acceptDepartment), ("$now", now));

    public OutboundLetter? FindOutbound(long id) =>
        Query($"SELECT {OutboundColumns} FROM outbound_letters WHERE id = $id", ReadOutbound, ("$id", id))
            .Select(l => l with { Files = FilesOf(Outbound, l.Id, withContent: true) }).FirstOrDefault();

    /// <summary>Every letter with this key, newest first (a resent letter leaves its withdrawn predecessor in the register).</summary>
    public IReadOnlyList<OutboundLetter> FindOutbound(string receiverId, string letterId, string correspondenceDate) =>
        Query($"""
            SELECT {OutboundColumns} FROM outbound_letters
            WHERE receiver_id = $receiver AND letter_id = $letter AND correspondence_date = $date ORDER BY id DESC
            """,
            ReadOutbound, ("$receiver", receiverId), ("$letter", letterId), ("$date", correspondenceDate));

    /// <summary>Letters with this number and date to any receiver, newest first (notifier matching, spec R-NTF-ECHO).</summary>
    public IReadOnlyList<OutboundLetter> FindOutboundByNumber(string letterId, string correspondenceDate) =>
        Query($"SELECT {OutboundColumns} FROM outbound_letters WHERE letter_id = $letter AND correspondence_date = $date ORDER BY id DESC",
            ReadOutbound, ("$letter", letterId), ("$date", correspondenceDate));

    public IReadOnlyList<OutboundLetter> OutboundInState(OutboundState state) =>
        Query($"SELECT {OutboundColumns} FROM outbound_letters WHERE state = $state ORDER BY id",
            ReadOutbound, ("$state", RegisterStatus.Name(state)));

    public IReadOnlySet<string> KnownOutboundProcessIds() =>
        Query("SELECT process_id FROM outbound_letters WHERE process_id IS NOT NULL", r => r.GetString(0)).ToHashSet(StringComparer.Ordinal);

    /// <summary>The register as an operator sees it: letters the hub took, oldest first, with file facts but no bytes.</summary>
    public IReadOnlyList<OutboundLetter> ListOutbound() =>
        Query($"SELECT {OutboundColumns} FROM outbound_letters WHERE state NOT IN ('unsent', 'outcome-unknown') ORDER BY id", ReadOutbound)
            .Select(l => l with { Files = FilesOf(Outbound, l.Id, withContent: false) }).ToArray();

    private static IEnumerable<(string, object?)> OutboundContent(OutboundLetter letter) =>
    [
        ("$receiver", letter.ReceiverId), ("$letter", letter.LetterId), ("$date", letter.CorrespondenceDate),
        ("$subject", letter.Subject), ("$secret", letter.SecretCode), ("$speed", letter.SpeedCode),
        ("$description", letter.Description), ("$attachment", letter.AttachmentText), ("$sender", ToJson(letter.Sender)),
        ("$receiverParty", ToJson(letter.Receiver)), ("$references", ToJson(letter.References)),
    ];

    private static OutboundLetter ReadOutbound(SqliteDataReader r) => new(ReadLetter(r))
    {
        State = RegisterStatus.ParseOutbound(Text(r, "state")),
        ProcessId = NullableString(r, "process_id"),
        SendDate = NullableString(r, "send_date"),
        AcceptId = NullableString(r, "accept_id"),
        AcceptDate = NullableString(r, "accept_date"),
        AcceptDepartment = NullableString(r, "accept_department"),
        LastError = NullableString(r, "last_error"),
    };
}
