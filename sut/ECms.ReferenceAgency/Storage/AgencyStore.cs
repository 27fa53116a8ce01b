using Microsoft.Data.Sqlite;

namespace ECms.ReferenceAgency.Storage;

/// <summary>
/// The agency's SQLite database: registers, directory cache, the ledger of handled queue items and the parked items.
/// Every unit of work runs in one transaction (<see cref="InTransaction{T}"/>), so "stored" always means committed —
/// the basis of persist-before-delete. The schema is created or migrated when the store opens.
/// </summary>
internal sealed class AgencyStore : IDisposable
{
    private readonly string _connectionString;
    private readonly string _path;

    // A store without a data file lives in a temporary file for the life of the host: a real file keeps WAL's
    // concurrent readers (listings during an action), which SQLite's shared in-memory mode would lock out.
    private readonly bool _temporary;

    private AgencyStore(string path, bool temporary)
    {
        _path = path;
        _temporary = temporary;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string Description => _temporary ? $"temporary ({_path}, deleted on stop)" : _path;

    /// <summary>Opens (creating or migrating) the database at <paramref name="path"/>; null = a temporary file.</summary>
    public static AgencyStore Open(string? path, TimeProvider clock)
    {
        var store = path is null
            ? new AgencyStore(Path.Combine(Path.GetTempPath(), $"ecms-reference-agency-{Guid.NewGuid():N}.db"), temporary: true)
            : new AgencyStore(Path.GetFullPath(path), temporary: false);
        try
        {
            StoreSchema.Migrate(store.OpenConnection(), clock);
        }
        catch
        {
            store.Dispose();
            throw;
        }

        return store;
    }

    public T InTransaction<T>(Func<StoreSession, T> work)
    {
        using var connection = OpenConnection();
        using var transaction = connection.BeginTransaction();
        var result = work(new StoreSession(connection, transaction));
        transaction.Commit();
        return result;
    }

    public void InTransaction(Action<StoreSession> work) => InTransaction(session =>
    {
        work(session);
        return true;
    });

    public void Dispose()
    {
        if (!_temporary)
        {
            return;
        }

        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // Left in the temp folder; nothing depends on it.
            }
        }
    }

    private SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 30000;";
        pragma.ExecuteNonQuery();
        return connection;
    }
}
