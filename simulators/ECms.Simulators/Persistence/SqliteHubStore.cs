using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using ECms.Simulators.Hub;
using Microsoft.Data.Sqlite;

namespace ECms.Simulators.Persistence;

/// <summary>
/// The hub's state in one SQLite file: WAL mode, one transaction per request, written through inside the hub's state
/// lock (so the order of commits is the order of decisions). <c>synchronous=NORMAL</c>: a killed process loses nothing
/// that was acknowledged; a power cut may lose the last transactions (the dev hub is not a production hub).
/// The schema is versioned with <c>PRAGMA user_version</c>; a file from a newer version is refused, never rewritten.
/// </summary>
internal sealed partial class SqliteHubStore : IHubStore
{
    public const int SchemaVersion = 2;

    // Thai stays readable in the file (sqlite3 hub.db "SELECT summary FROM letters") and a third the size of \u escapes.
    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    private readonly Lock _gate = new();
    private readonly SqliteConnection _connection;
    private readonly string _readConnectionString;
    private readonly int _maxBodyBytes;
    private int _disposed;

    private SqliteHubStore(string path, TimeSpan busyTimeout, int maxBodyBytes)
    {
        Location = Path.GetFullPath(path);
        _maxBodyBytes = maxBodyBytes;
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = Location,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // No pooling: disposing the hub really closes the file, so another hub (or process) can take it over.
            Pooling = false,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(busyTimeout.TotalSeconds)),
        };
        _readConnectionString = new SqliteConnectionStringBuilder(builder.ConnectionString) { Mode = SqliteOpenMode.ReadOnly }.ConnectionString;
        _connection = new SqliteConnection(builder.ConnectionString);
    }

    public string Location { get; }

    public static SqliteHubStore Open(string path, TimeSpan busyTimeout, int maxBodyBytes)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        var store = new SqliteHubStore(path, busyTimeout, maxBodyBytes);
        try
        {
            store._connection.Open();
            store.Migrate();
            return store;
        }
        catch (SqliteException ex)
        {
            store.Dispose();
            throw new HubStoreException($"The hub's data file {store.Location} cannot be opened: {ex.Message}", ex);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    public void Commit(HubChangeSet changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.IsEmpty)
        {
            return;
        }

        Write("keep the change", transaction =>
        {
            foreach (var letter in changes.NewLetters)
            {
                InsertLetter(transaction, letter);
            }

            foreach (var letter in changes.ChangedLetters.Where(l => !changes.NewLetters.Contains(l)))
            {
                UpdateLetter(transaction, letter);
            }

            foreach (var item in changes.NewItems)
            {
                InsertItem(transaction, item);
            }

            foreach (var item in changes.ChangedItems.Where(i => !changes.NewItems.Contains(i)))
            {
                UpdateItem(transaction, item);
            }

            foreach (var (organizationId, messageId) in changes.SeenMessageIds)
            {
                Execute(transaction, "INSERT OR IGNORE INTO seen_message_ids(org, message_id) VALUES ($org, $id)", ("$org", organizationId), ("$id", messageId));
            }

            if (changes.IdsUsed)
            {
                Execute(transaction, "INSERT INTO meta(key, value) VALUES ('last_id', $v) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    ("$v", changes.LastId.ToString(CultureInfo.InvariantCulture)));
            }
        });
    }

    public void SaveAgency(AgencyRegistration agency)
    {
        ArgumentNullException.ThrowIfNull(agency);
        Write("register the agency", transaction => Execute(transaction,
            """
            INSERT INTO agencies(org, ministry, thai, english) VALUES ($org, $ministry, $thai, $english)
            ON CONFLICT(org) DO UPDATE SET ministry = excluded.ministry, thai = excluded.thai, english = excluded.english
            """,
            ("$org", agency.OrganizationId), ("$ministry", agency.MinistryId), ("$thai", agency.ThaiName), ("$english", agency.EnglishName)));
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            lock (_gate)
            {
                _connection.Dispose();
            }
        }
    }

    private void Write(string what, Action<SqliteTransaction> work)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed != 0, this);
            try
            {
                using var transaction = _connection.BeginTransaction();
                work(transaction);
                transaction.Commit();
            }
            catch (SqliteException ex)
            {
                throw new HubStoreException($"The hub could not {what} in {Location}: {ex.Message}", ex);
            }
        }
    }

    private static void InsertLetter(SqliteTransaction transaction, HubLetter letter) => Execute(transaction,
        """
        INSERT INTO letters(pid, sender, receiver, letter_id, corr_date, summary, fragment, sent_at, state, accept_id, history)
        VALUES ($pid, $sender, $receiver, $letterId, $date, $summary, $fragment, $sentAt, $state, $acceptId, $history)
        """,
        ("$pid", letter.SubmissionProcessId),
        ("$sender", letter.Key.SenderOrganizationId),
        ("$receiver", letter.Key.ReceiverOrganizationId),
        ("$letterId", letter.Key.LetterId),
        ("$date", letter.Key.CorrespondenceDate),
        ("$summary", JsonSerializer.Serialize(letter.Summary, Json)),
        ("$fragment", letter.Fragment.ToArray()),
        ("$sentAt", Time(letter.SentAt)),
        ("$state", letter.State.ToString()),
        ("$acceptId", letter.AcceptId),
        ("$history", JsonSerializer.Serialize(letter.History, Json)));

    private static void UpdateLetter(SqliteTransaction transaction, HubLetter letter) => Execute(transaction,
        "UPDATE letters SET state = $state, accept_id = $acceptId, history = $history WHERE pid = $pid",
        ("$pid", letter.SubmissionProcessId),
        ("$state", letter.State.ToString()),
        ("$acceptId", letter.AcceptId),
        ("$history", JsonSerializer.Serialize(letter.History, Json)));

    private static void InsertItem(SqliteTransaction transaction, QueueEntry item)
    {
        var notifier = item.Notifier;
        Execute(transaction,
            """
            INSERT INTO items(pid, owner, letter_pid, kind, n_letter_id, n_date, n_subject, n_accept_id, n_accept_date, n_accept_dept,
                              fragment, queued_at, out_of_band, pull_count, first_pulled_at, deleted_at)
            VALUES ($pid, $owner, $letterPid, $kind, $nLetterId, $nDate, $nSubject, $nAcceptId, $nAcceptDate, $nAcceptDept,
                    $fragment, $queuedAt, $oob, $pulls, $firstPulled, $deleted)
            """,
            ("$pid", item.ProcessId),
            ("$owner", item.OwnerOrganizationId),
            ("$letterPid", item.Letter?.SubmissionProcessId),
            ("$kind", notifier?.Kind.ToString()),
            ("$nLetterId", notifier?.LetterId),
            ("$nDate", notifier?.CorrespondenceDate),
            ("$nSubject", notifier?.Subject),
            ("$nAcceptId", notifier?.AcceptId),
            ("$nAcceptDate", notifier?.AcceptDate),
            ("$nAcceptDept", notifier?.AcceptDepartmentCode),
            // A letter item's bytes are its letter's; only an injected letter without a hub letter keeps its own.
            ("$fragment", item.Letter is null && item.IsLetter ? item.LetterFragment.ToArray() : null),
            ("$queuedAt", Time(item.QueuedAt)),
            ("$oob", item.OutOfBand ? 1 : 0),
            ("$pulls", item.PullCount),
            ("$firstPulled", Time(item.FirstPulledAt)),
            ("$deleted", Time(item.DeletedAt)));
    }

    private static void UpdateItem(SqliteTransaction transaction, QueueEntry item) => Execute(transaction,
        "UPDATE items SET pull_count = $pulls, first_pulled_at = $firstPulled, deleted_at = $deleted WHERE pid = $pid",
        ("$pid", item.ProcessId),
        ("$pulls", item.PullCount),
        ("$firstPulled", Time(item.FirstPulledAt)),
        ("$deleted", Time(item.DeletedAt)));

    private static int Execute(SqliteTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command.ExecuteNonQuery();
    }

    // Always UTC: the journal is pruned by comparing these texts.
    private static string? Time(DateTimeOffset? at) => at?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
