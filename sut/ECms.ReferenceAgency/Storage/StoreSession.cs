using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace ECms.ReferenceAgency.Storage;

/// <summary>
/// One transaction on the agency database. The SQL of each register is in a partial file per aspect
/// (StoreSession.Outbound.cs, .Inbound.cs, …); this file holds the plumbing they share.
/// </summary>
internal sealed partial class StoreSession(SqliteConnection connection, SqliteTransaction transaction)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string? GetSetting(string key) =>
        Scalar("SELECT value FROM settings WHERE key = $key", ("$key", key)) as string;

    public void SetSetting(string key, string? value)
    {
        if (value is null)
        {
            Execute("DELETE FROM settings WHERE key = $key", ("$key", key));
            return;
        }

        Execute("INSERT INTO settings (key, value) VALUES ($key, $value) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            ("$key", key), ("$value", value));
    }

    private int Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        return command.ExecuteNonQuery();
    }

    private object? Scalar(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    private long InsertReturningId(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql + "; SELECT last_insert_rowid();", parameters);
        return (long)command.ExecuteScalar()!;
    }

    private List<T> Query<T>(string sql, Func<SqliteDataReader, T> map, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    private SqliteCommand Command(string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private static string ToJson<T>(T value) => JsonSerializer.Serialize(value, Json);

    private static T FromJson<T>(string json) => JsonSerializer.Deserialize<T>(json, Json)!;

    private static string? NullableString(SqliteDataReader reader, string column)
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
    }

    private static string Text(SqliteDataReader reader, string column) => reader.GetString(reader.GetOrdinal(column));
}
