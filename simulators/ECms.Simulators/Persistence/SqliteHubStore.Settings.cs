using System.Globalization;
using System.Text.Json;
using ECms.Protocol;
using ECms.Protocol.Messages;
using ECms.Protocol.Rules;
using ECms.Simulators.Faults;
using Microsoft.Data.Sqlite;

namespace ECms.Simulators.Persistence;

/// <summary>
/// The run-time settings (strictness, clock offset, injected faults), so that a restarted dev hub carries on the
/// session an operator set up. Strictness and offset are rows of <c>meta</c>; the faults are rewritten as a whole on
/// every change — there are a handful, and a whole list can never be half-updated.
/// </summary>
internal sealed partial class SqliteHubStore
{
    private const string StrictnessKey = "strictness";
    private const string ClockOffsetKey = "clock_offset";

    public StoredSettings LoadSettings()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed != 0, this);
            try
            {
                using var transaction = _connection.BeginTransaction(deferred: true);
                var strictness = Scalar(transaction, $"SELECT value FROM meta WHERE key = '{StrictnessKey}'") is string profile
                    ? Enum.Parse<ValidationProfile>(profile)
                    : (ValidationProfile?)null;
                var offset = Scalar(transaction, $"SELECT value FROM meta WHERE key = '{ClockOffsetKey}'") is string text
                    ? TimeSpan.ParseExact(text, "c", CultureInfo.InvariantCulture)
                    : (TimeSpan?)null;
                var faults = Rows(transaction, "SELECT fault, injected_at, hits FROM faults ORDER BY ord", r => new StoredFault(
                    (JsonSerializer.Deserialize<FaultRow>(r.GetString(0), Json) ?? throw new FormatException("A stored fault is empty.")).ToFault(),
                    ParseTime(r.GetString(1)),
                    r.GetInt32(2)));
                return new StoredSettings(strictness, offset, faults);
            }
            catch (Exception ex) when (ex is SqliteException or JsonException or FormatException or ArgumentException)
            {
                throw new HubStoreException($"The run-time settings in the hub's data file {Location} cannot be read: {ex.Message}", ex);
            }
        }
    }

    public void SaveStrictness(ValidationProfile strictness) =>
        Write("keep the strictness", transaction => SetMeta(transaction, StrictnessKey, strictness.ToString()));

    public void SaveClockOffset(TimeSpan offset) =>
        Write("keep the clock offset", transaction => SetMeta(transaction, ClockOffsetKey, offset.ToString("c", CultureInfo.InvariantCulture)));

    public void SaveFaults(IReadOnlyList<StoredFault> faults)
    {
        ArgumentNullException.ThrowIfNull(faults);
        Write("keep the injected faults", transaction =>
        {
            Execute(transaction, "DELETE FROM faults");
            foreach (var fault in faults)
            {
                Execute(transaction, "INSERT INTO faults(fault, injected_at, hits) VALUES ($fault, $injected, $hits)",
                    ("$fault", JsonSerializer.Serialize(FaultRow.Of(fault.Fault), Json)),
                    ("$injected", Time(fault.InjectedAt)),
                    ("$hits", fault.Hits));
            }
        });
    }

    public void ForgetSettings() => Write("forget the run-time settings", transaction =>
    {
        Execute(transaction, $"DELETE FROM meta WHERE key IN ('{StrictnessKey}', '{ClockOffsetKey}')");
        Execute(transaction, "DELETE FROM faults");
    });

    private static void SetMeta(SqliteTransaction transaction, string key, string value) => Execute(transaction,
        "INSERT INTO meta(key, value) VALUES ($key, $value) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        ("$key", key), ("$value", value));

    /// <summary>A fault's definition as JSON (readable with sqlite3); its kind's defaults are stored, never re-derived.</summary>
    private sealed record FaultRow(
        HubFaultKind Kind,
        int StatusCode,
        TimeSpan Delay,
        IReadOnlyList<ErrorDetail> Errors,
        string? OrganizationId,
        Operation? Operation,
        int? Count,
        TimeSpan? Window,
        DateTimeOffset? NotBefore)
    {
        public static FaultRow Of(HubFault fault) => new(
            fault.Kind, fault.StatusCode, fault.Delay, fault.Errors, fault.OrganizationId, fault.Operation, fault.Count, fault.Window, fault.NotBefore);

        public HubFault ToFault() => HubFault.Rebuild(Kind, StatusCode, Delay, Errors, OrganizationId, Operation, Count, Window, NotBefore);
    }
}
