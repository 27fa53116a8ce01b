using ECms.Protocol.Messages;
using Microsoft.Data.Sqlite;

namespace ECms.ReferenceAgency.Storage;

/// <summary>The columns both registers share (<see cref="RegisterLetter"/>), read by one piece of code for both.</summary>
internal sealed partial class StoreSession
{
    private const string LetterColumns =
        "id, receiver_id, letter_id, correspondence_date, subject, secret_code, speed_code, description, attachment_text, " +
        "sender_json, receiver_json, references_json";

    /// <summary>The shared part of a register row; <see cref="ReadInbound"/> and <see cref="ReadOutbound"/> add their own columns.</summary>
    private static StoredLetter ReadLetter(SqliteDataReader r) => new()
    {
        Id = r.GetInt64(r.GetOrdinal("id")),
        ReceiverId = Text(r, "receiver_id"),
        LetterId = Text(r, "letter_id"),
        CorrespondenceDate = Text(r, "correspondence_date"),
        Subject = Text(r, "subject"),
        SecretCode = Text(r, "secret_code"),
        SpeedCode = Text(r, "speed_code"),
        Description = Text(r, "description"),
        AttachmentText = Text(r, "attachment_text"),
        Sender = FromJson<PartyNames>(Text(r, "sender_json")),
        Receiver = FromJson<PartyNames>(Text(r, "receiver_json")),
        References = FromJson<LetterReference[]>(Text(r, "references_json")),
    };

    private sealed record StoredLetter : RegisterLetter;
}
