using System.Buffers;
using System.Text.Json;
using ECms.Protocol.Messages;
using ECms.Protocol.Rules;
using ECms.Simulators.Hub;
using ECms.Simulators.Journal;
using Microsoft.Data.Sqlite;

namespace ECms.Simulators.Persistence;

/// <summary>
/// The stored journal: every exchange with its findings and errors, and the first <c>MaxStoredBodyBytes</c> of each
/// body with its real length (a 30 MB letter is not copied into the file on every pull). It is written in its own
/// transaction when the exchange completes — the state change it describes was already committed under the state lock.
/// </summary>
internal sealed partial class SqliteHubStore
{
    public void AppendExchange(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Write("journal the exchange", transaction => Execute(transaction,
            """
            INSERT INTO journal(org, path, method, content_type, soap_action, operation, outcome, status, received_at, responded_at,
                                problem, errors, findings, request, request_length, response, response_length, letter_pid, letter_id, corr_date)
            VALUES ($org, $path, $method, $contentType, $soapAction, $operation, $outcome, $status, $received, $responded,
                    $problem, $errors, $findings, $request, $requestLength, $response, $responseLength, $letterPid, $letterId, $date)
            """,
            ("$org", entry.OrganizationId),
            ("$path", entry.Path),
            ("$method", entry.HttpMethod),
            ("$contentType", entry.ContentType),
            ("$soapAction", entry.SoapAction),
            ("$operation", entry.Operation.ToString()),
            ("$outcome", entry.Outcome.ToString()),
            ("$status", entry.StatusCode),
            ("$received", Time(entry.ReceivedAt)),
            ("$responded", Time(entry.RespondedAt)),
            ("$problem", entry.Problem),
            ("$errors", JsonSerializer.Serialize(entry.Errors, Json)),
            ("$findings", JsonSerializer.Serialize(entry.Findings, Json)),
            ("$request", Bounded(entry.RequestBody)),
            ("$requestLength", entry.RequestBody.Length),
            ("$response", Bounded(entry.ResponseBody)),
            ("$responseLength", entry.ResponseBody.Length),
            ("$letterPid", entry.Link?.LetterProcessId),
            ("$letterId", entry.Link?.LetterId),
            ("$date", entry.Link?.CorrespondenceDate)));
    }

    public int PruneJournal(DateTimeOffset? receivedBefore, int? keepNewest, int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var deleted = 0;
        Write("prune the journal", transaction =>
        {
            if (keepNewest is { } keep)
            {
                // seq has no gaps: AUTOINCREMENT never reuses a value, a failed insert takes none, and rows only ever
                // leave from the old end — so the newest `keep` are those above MAX(seq) - keep.
                deleted += Execute(transaction,
                    """
                    DELETE FROM journal WHERE seq IN
                        (SELECT seq FROM journal WHERE seq <= (SELECT MAX(seq) FROM journal) - $keep ORDER BY seq LIMIT $batch)
                    """,
                    ("$keep", keep), ("$batch", batchSize));
            }

            if (receivedBefore is { } cutoff && deleted < batchSize)
            {
                // Times are stored as UTC round-trip text of one width, so text order is time order (index journal_by_time).
                deleted += Execute(transaction,
                    "DELETE FROM journal WHERE seq IN (SELECT seq FROM journal WHERE received_at < $cutoff LIMIT $batch)",
                    ("$cutoff", Time(cutoff)), ("$batch", batchSize - deleted));
            }
        });
        return deleted;
    }

    public IReadOnlyList<StoredExchange>? ExchangesOf(HubLetterView letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        using var connection = OpenReader();
        using var command = connection.CreateCommand();
        // An exchange that changed this letter, or one that named its number and date from either party's endpoint
        // without changing anything (a refused notifier, a duplicate send).
        command.CommandText =
            """
            SELECT seq, org, operation, outcome, status, received_at, responded_at, problem, errors, findings,
                   request, request_length, response, response_length
            FROM journal
            WHERE letter_pid = $pid
               OR (letter_pid IS NULL AND letter_id = $letterId AND corr_date = $date AND org IN ($sender, $receiver))
            ORDER BY seq
            """;
        command.Parameters.AddWithValue("$pid", letter.SubmissionProcessId);
        command.Parameters.AddWithValue("$letterId", letter.Key.LetterId);
        command.Parameters.AddWithValue("$date", letter.Key.CorrespondenceDate);
        command.Parameters.AddWithValue("$sender", letter.Key.SenderOrganizationId);
        command.Parameters.AddWithValue("$receiver", letter.Key.ReceiverOrganizationId);
        using var reader = command.ExecuteReader();
        var exchanges = new List<StoredExchange>();
        while (reader.Read())
        {
            exchanges.Add(ReadExchange(reader));
        }

        return exchanges;
    }

    private static StoredExchange ReadExchange(SqliteDataReader row) => new(
        row.GetInt64(0),
        row.IsDBNull(1) ? null : row.GetString(1),
        row.GetString(2),
        row.GetString(3),
        row.GetInt32(4),
        ParseTime(row.GetString(5)),
        ParseTime(row.GetString(6)),
        row.IsDBNull(7) ? null : row.GetString(7),
        JsonSerializer.Deserialize<List<ErrorDetail>>(row.GetString(8), Json) ?? [],
        JsonSerializer.Deserialize<List<Finding>>(row.GetString(9), Json) ?? [],
        (byte[])row.GetValue(10),
        row.GetInt64(11),
        (byte[])row.GetValue(12),
        row.GetInt64(13));

    private byte[] Bounded(ReadOnlySequence<byte> body) => body.Slice(0, Math.Min(body.Length, _maxBodyBytes)).ToArray();
}
