using Microsoft.Data.Sqlite;

namespace ECms.ReferenceAgency.Storage;

internal sealed partial class StoreSession
{
    private const string InboundColumns =
        LetterColumns + ", process_id, sender_id, send_date, state, accept_id, accept_date, disputed_accept_id, problems_json";

    public long InsertInbound(InboundLetter letter, string now)
    {
        var id = InsertReturningId("""
            INSERT INTO inbound_letters (process_id, sender_id, receiver_id, letter_id, correspondence_date, subject, secret_code,
                speed_code, description, attachment_text, send_date, sender_json, receiver_json, references_json, state,
                problems_json, received_at, updated_at)
            VALUES ($process, $sender, $receiver, $letter, $date, $subject, $secret, $speed, $description, $attachment,
                $sendDate, $senderParty, $receiverParty, $references, $state, $problems, $now, $now)
            """,
            ("$process", letter.ProcessId), ("$sender", letter.SenderId), ("$receiver", letter.ReceiverId),
            ("$letter", letter.LetterId), ("$date", letter.CorrespondenceDate), ("$subject", letter.Subject),
            ("$secret", letter.SecretCode), ("$speed", letter.SpeedCode), ("$description", letter.Description),
            ("$attachment", letter.AttachmentText), ("$sendDate", letter.SendDate), ("$senderParty", ToJson(letter.Sender)),
            ("$receiverParty", ToJson(letter.Receiver)), ("$references", ToJson(letter.References)),
            ("$state", RegisterStatus.Name(letter.State)), ("$problems", ToJson(letter.Problems)), ("$now", now));
        InsertFiles(Inbound, id, letter.Files);
        return id;
    }

    public void SetInboundState(long id, InboundState state, string now) =>
        Execute("UPDATE inbound_letters SET state = $state, updated_at = $now WHERE id = $id",
            ("$id", id), ("$state", RegisterStatus.Name(state)), ("$now", now));

    public void RecordRegistration(long id, string acceptId, string acceptDate, string now) =>
        Execute("""
            UPDATE inbound_letters SET state = $state, accept_id = $accept, accept_date = $date, updated_at = $now WHERE id = $id
            """,
            ("$id", id), ("$state", RegisterStatus.Name(InboundState.Registered)), ("$accept", acceptId), ("$date", acceptDate), ("$now", now));

    public void RecordDispute(long id, string disputedAcceptId, string now) =>
        Execute("UPDATE inbound_letters SET state = $state, disputed_accept_id = $disputed, updated_at = $now WHERE id = $id",
            ("$id", id), ("$state", RegisterStatus.Name(InboundState.AcceptIdDisputed)), ("$disputed", disputedAcceptId), ("$now", now));

    /// <summary>Letters from this sender with this number and date, newest first.</summary>
    public IReadOnlyList<InboundLetter> FindInbound(string senderId, string letterId, string correspondenceDate) =>
        Query($"""
            SELECT {InboundColumns} FROM inbound_letters
            WHERE sender_id = $sender AND letter_id = $letter AND correspondence_date = $date ORDER BY id DESC
            """,
            ReadInbound, ("$sender", senderId), ("$letter", letterId), ("$date", correspondenceDate));

    /// <summary>Letters with this number and date from any sender, newest first (InvalidAcceptIDNotifier names no sender).</summary>
    public IReadOnlyList<InboundLetter> FindInboundByNumber(string letterId, string correspondenceDate) =>
        Query($"SELECT {InboundColumns} FROM inbound_letters WHERE letter_id = $letter AND correspondence_date = $date ORDER BY id DESC",
            ReadInbound, ("$letter", letterId), ("$date", correspondenceDate));

    public IReadOnlyList<InboundLetter> ListInbound() =>
        Query($"SELECT {InboundColumns} FROM inbound_letters ORDER BY id", ReadInbound)
            .Select(l => l with { Files = FilesOf(Inbound, l.Id, withContent: false) }).ToArray();

    private static InboundLetter ReadInbound(SqliteDataReader r) => new(ReadLetter(r), Text(r, "process_id"), Text(r, "sender_id"))
    {
        SendDate = Text(r, "send_date"),
        State = RegisterStatus.ParseInbound(Text(r, "state")),
        AcceptId = NullableString(r, "accept_id"),
        AcceptDate = NullableString(r, "accept_date"),
        DisputedAcceptId = NullableString(r, "disputed_accept_id"),
        Problems = FromJson<string[]>(Text(r, "problems_json")),
    };
}
