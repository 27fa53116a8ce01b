using System.Globalization;
using System.Text.Json;
using ECms.Protocol;
using ECms.Protocol.Lifecycle;
using ECms.Protocol.Messages;
using ECms.Simulators.Hub;
using Microsoft.Data.Sqlite;

namespace ECms.Simulators.Persistence;

/// <summary>Reading the whole state back at start-up (and after a refused write), as live hub objects.</summary>
internal sealed partial class SqliteHubStore
{
    public HubSnapshot Load()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed != 0, this);
            try
            {
                using var transaction = _connection.BeginTransaction(deferred: true);
                var lastId = Convert.ToInt64(Scalar(transaction, "SELECT value FROM meta WHERE key = 'last_id'") ?? "0", CultureInfo.InvariantCulture);
                var agencies = Rows(transaction, "SELECT org, ministry, thai, english FROM agencies ORDER BY ord", r =>
                    new AgencyRegistration(r.GetString(0), r.GetString(2), r.GetString(3)) { MinistryId = r.IsDBNull(1) ? null : r.GetString(1) });
                var letters = Rows(transaction,
                    "SELECT pid, summary, fragment, sent_at, state, accept_id, history FROM letters ORDER BY ord", ReadLetter);
                var byProcessId = letters.ToDictionary(l => l.SubmissionProcessId, StringComparer.Ordinal);
                var items = Rows(transaction,
                    """
                    SELECT pid, owner, letter_pid, kind, n_letter_id, n_date, n_subject, n_accept_id, n_accept_date, n_accept_dept,
                           fragment, queued_at, out_of_band, pull_count, first_pulled_at, deleted_at
                    FROM items ORDER BY ord
                    """, r => ReadItem(r, byProcessId));
                var seen = Rows(transaction, "SELECT org, message_id FROM seen_message_ids", r => (r.GetString(0), r.GetString(1)));
                return new HubSnapshot(lastId, agencies, letters, items, seen);
            }
            catch (Exception ex) when (ex is SqliteException or JsonException or FormatException)
            {
                throw new HubStoreException($"The hub's data file {Location} cannot be read: {ex.Message}", ex);
            }
        }
    }

    private static HubLetter ReadLetter(SqliteDataReader row)
    {
        var summary = JsonSerializer.Deserialize<Letter>(row.GetString(1), Json)
            ?? throw new FormatException($"Letter {row.GetString(0)} has no stored summary.");
        var letter = new HubLetter
        {
            Key = summary.Key,
            Summary = summary,
            Fragment = (byte[])row.GetValue(2),
            SubmissionProcessId = row.GetString(0),
            SentAt = ParseTime(row.GetString(3)),
            State = Enum.Parse<LetterState>(row.GetString(4)),
            AcceptId = row.IsDBNull(5) ? null : row.GetString(5),
        };
        letter.History.AddRange(JsonSerializer.Deserialize<List<LetterStep>>(row.GetString(6), Json) ?? []);
        return letter;
    }

    private static QueueEntry ReadItem(SqliteDataReader row, Dictionary<string, HubLetter> letters)
    {
        var processId = row.GetString(0);
        HubLetter? letter = null;
        if (!row.IsDBNull(2) && !letters.TryGetValue(row.GetString(2), out letter))
        {
            throw new FormatException($"Queue item {processId} refers to letter {row.GetString(2)}, which is not stored.");
        }

        var notifier = row.IsDBNull(3) ? null : new Notifier(
            Enum.Parse<NotifierKind>(row.GetString(3)),
            row.GetString(4),
            row.GetString(5),
            row.GetString(6),
            Text(row, 7),
            Text(row, 8),
            Text(row, 9));
        return new QueueEntry
        {
            ProcessId = processId,
            OwnerOrganizationId = row.GetString(1),
            Letter = letter,
            Notifier = notifier,
            LetterFragment = notifier is not null ? ReadOnlyMemory<byte>.Empty : letter?.Fragment ?? (byte[])row.GetValue(10),
            QueuedAt = ParseTime(row.GetString(11)),
            OutOfBand = row.GetInt64(12) != 0,
            PullCount = row.GetInt32(13),
            FirstPulledAt = row.IsDBNull(14) ? null : ParseTime(row.GetString(14)),
            DeletedAt = row.IsDBNull(15) ? null : ParseTime(row.GetString(15)),
        };
    }

    private static string? Text(SqliteDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetString(ordinal);

    private static object? Scalar(SqliteTransaction transaction, string sql)
    {
        using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static List<T> Rows<T>(SqliteTransaction transaction, string sql, Func<SqliteDataReader, T> read)
    {
        using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
