using Microsoft.Data.Sqlite;

namespace ECms.ReferenceAgency.Storage;

/// <summary>
/// Schema versions, applied in order on start (PRAGMA user_version records the last one). Add a migration at the
/// end; never edit one that has shipped, because agency files in the field were created by it.
/// </summary>
internal static class StoreSchema
{
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE organizations (
            organization_id TEXT PRIMARY KEY, th_name TEXT NOT NULL, en_name TEXT NOT NULL, ecms_url TEXT NOT NULL);
        CREATE TABLE code_values (
            list TEXT NOT NULL, value TEXT NOT NULL, label TEXT NOT NULL, PRIMARY KEY (list, value));
        CREATE TABLE outbound_letters (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            receiver_id TEXT NOT NULL, letter_id TEXT NOT NULL, correspondence_date TEXT NOT NULL,
            subject TEXT NOT NULL, secret_code TEXT NOT NULL, speed_code TEXT NOT NULL,
            description TEXT NOT NULL, attachment_text TEXT NOT NULL,
            sender_json TEXT NOT NULL, receiver_json TEXT NOT NULL, references_json TEXT NOT NULL,
            state TEXT NOT NULL, process_id TEXT, send_date TEXT,
            accept_id TEXT, accept_date TEXT, accept_department TEXT,
            last_error TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
        CREATE INDEX outbound_key ON outbound_letters (receiver_id, letter_id, correspondence_date);
        CREATE TABLE inbound_letters (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            process_id TEXT NOT NULL,
            sender_id TEXT NOT NULL, receiver_id TEXT NOT NULL, letter_id TEXT NOT NULL, correspondence_date TEXT NOT NULL,
            subject TEXT NOT NULL, secret_code TEXT NOT NULL, speed_code TEXT NOT NULL,
            description TEXT NOT NULL, attachment_text TEXT NOT NULL, send_date TEXT NOT NULL,
            sender_json TEXT NOT NULL, receiver_json TEXT NOT NULL, references_json TEXT NOT NULL,
            state TEXT NOT NULL, accept_id TEXT, accept_date TEXT, disputed_accept_id TEXT,
            problems_json TEXT NOT NULL, received_at TEXT NOT NULL, updated_at TEXT NOT NULL);
        CREATE INDEX inbound_key ON inbound_letters (sender_id, letter_id, correspondence_date);
        CREATE TABLE files (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            direction TEXT NOT NULL CHECK (direction IN ('outbound', 'inbound')),
            letter_row INTEGER NOT NULL, role TEXT NOT NULL CHECK (role IN ('main', 'attachment')), ordinal INTEGER NOT NULL,
            file_name TEXT, mime_type TEXT NOT NULL, content BLOB, size INTEGER, sha256 TEXT, problem TEXT);
        CREATE INDEX files_letter ON files (direction, letter_row);
        CREATE TABLE receipt_numbers (
            accept_id TEXT PRIMARY KEY, inbound_id INTEGER NOT NULL REFERENCES inbound_letters (id), issued_at TEXT NOT NULL);
        CREATE TABLE receipt_sequences (year_be INTEGER PRIMARY KEY, last_number INTEGER NOT NULL);
        CREATE TABLE handled_items (
            process_id TEXT PRIMARY KEY, kind TEXT NOT NULL, outcome TEXT NOT NULL, handled_at TEXT NOT NULL);
        CREATE TABLE parked_items (
            id INTEGER PRIMARY KEY AUTOINCREMENT, process_id TEXT NOT NULL, kind TEXT NOT NULL,
            letter_id TEXT NOT NULL, correspondence_date TEXT NOT NULL, reason TEXT NOT NULL, parked_at TEXT NOT NULL);
        """,
    ];

    public static void Migrate(SqliteConnection connection, TimeProvider clock)
    {
        using (connection)
        {
            var version = UserVersion(connection);
            if (version > Migrations.Length)
            {
                throw new ReferenceAgencyConfigurationException(
                    $"The data file was written by a newer reference agency (schema {version}, this one knows {Migrations.Length}). "
                    + "Fix: run the newer version, or give another --data file.");
            }

            if (version == 0)
            {
                using var journal = connection.CreateCommand();
                journal.CommandText = "PRAGMA journal_mode = WAL;";
                journal.ExecuteNonQuery();
            }

            for (var next = version; next < Migrations.Length; next++)
            {
                using var transaction = connection.BeginTransaction();
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = Migrations[next]
                    + $"; PRAGMA user_version = {next + 1};"
                    + "INSERT OR REPLACE INTO settings (key, value) VALUES ('schema-migrated-at', $at);";
                command.Parameters.AddWithValue("$at", clock.GetUtcNow().ToString("O"));
                command.ExecuteNonQuery();
                transaction.Commit();
            }
        }
    }

    private static int UserVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
