using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ECms.Simulators.Persistence;

/// <summary>The schema, created on first use and versioned with <c>PRAGMA user_version</c>.</summary>
internal sealed partial class SqliteHubStore
{
    // Version 1: the state, the agencies and the journal.
    private const string CreateSchema =
        """
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE agencies(ord INTEGER PRIMARY KEY AUTOINCREMENT, org TEXT NOT NULL UNIQUE, ministry TEXT, thai TEXT NOT NULL, english TEXT NOT NULL);
        CREATE TABLE letters(
            ord INTEGER PRIMARY KEY AUTOINCREMENT, pid TEXT NOT NULL UNIQUE,
            sender TEXT NOT NULL, receiver TEXT NOT NULL, letter_id TEXT NOT NULL, corr_date TEXT NOT NULL,
            summary TEXT NOT NULL, fragment BLOB NOT NULL, sent_at TEXT NOT NULL,
            state TEXT NOT NULL, accept_id TEXT, history TEXT NOT NULL);
        CREATE TABLE items(
            ord INTEGER PRIMARY KEY AUTOINCREMENT, pid TEXT NOT NULL UNIQUE, owner TEXT NOT NULL, letter_pid TEXT,
            kind TEXT, n_letter_id TEXT, n_date TEXT, n_subject TEXT, n_accept_id TEXT, n_accept_date TEXT, n_accept_dept TEXT,
            fragment BLOB, queued_at TEXT NOT NULL, out_of_band INTEGER NOT NULL, pull_count INTEGER NOT NULL,
            first_pulled_at TEXT, deleted_at TEXT);
        CREATE TABLE seen_message_ids(org TEXT NOT NULL, message_id TEXT NOT NULL, PRIMARY KEY(org, message_id)) WITHOUT ROWID;
        CREATE TABLE journal(
            seq INTEGER PRIMARY KEY AUTOINCREMENT, org TEXT, path TEXT NOT NULL, method TEXT NOT NULL,
            content_type TEXT, soap_action TEXT, operation TEXT NOT NULL, outcome TEXT NOT NULL, status INTEGER NOT NULL,
            received_at TEXT NOT NULL, responded_at TEXT NOT NULL, problem TEXT, errors TEXT NOT NULL, findings TEXT NOT NULL,
            request BLOB NOT NULL, request_length INTEGER NOT NULL, response BLOB NOT NULL, response_length INTEGER NOT NULL,
            letter_pid TEXT, letter_id TEXT, corr_date TEXT);
        CREATE INDEX journal_by_letter ON journal(letter_pid);
        CREATE INDEX journal_by_number ON journal(letter_id, corr_date);
        """;

    // Version 2: injected faults survive a restart (strictness and clock offset live in meta), and the journal is
    // pruned by age, which needs its times indexed.
    private const string AddSettingsAndRetention =
        """
        CREATE TABLE faults(ord INTEGER PRIMARY KEY, fault TEXT NOT NULL, injected_at TEXT NOT NULL, hits INTEGER NOT NULL);
        CREATE INDEX journal_by_time ON journal(received_at);
        """;

    /// <summary>The step from version n to n + 1 at index n.</summary>
    private static readonly string[] Upgrades = [CreateSchema, AddSettingsAndRetention];

    private void Migrate()
    {
        Pragma("PRAGMA journal_mode = WAL");
        Pragma("PRAGMA synchronous = NORMAL");
        var version = Convert.ToInt32(Pragma("PRAGMA user_version"), CultureInfo.InvariantCulture);
        if (version > SchemaVersion)
        {
            throw new HubStoreException(
                $"The hub's data file {Location} has schema version {version}; this ecms-conformance understands up to {SchemaVersion}. " +
                "Use a newer ecms-conformance, or another --data file.");
        }

        // Version 0 is a new (or empty) file. Each step runs in its own transaction: a file is always at some version.
        for (; version < SchemaVersion; version++)
        {
            using var transaction = _connection.BeginTransaction();
            using var command = _connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = Upgrades[version] + $"\nPRAGMA user_version = {version + 1};";
            command.ExecuteNonQuery();
            transaction.Commit();
        }
    }

    private object? Pragma(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private SqliteConnection OpenReader()
    {
        var connection = new SqliteConnection(_readConnectionString);
        connection.Open();
        return connection;
    }
}
