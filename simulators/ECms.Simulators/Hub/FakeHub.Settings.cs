using ECms.Simulators.Persistence;

namespace ECms.Simulators.Hub;

/// <summary>
/// Run-time settings on a data file: strictness, clock offset and injected faults are stored when they change and
/// taken over at the next start, so an operator's session (lenient for a vendor, the clock seven minutes ahead, an
/// outage window) survives a restart. A fault window is hub time: one that closed while the hub was down is dropped.
/// </summary>
public sealed partial class FakeHub
{
    private readonly Lock _settingsGate = new();

    /// <summary>What this hub took over from its data file's last run; null when nothing was (or it runs in memory).</summary>
    public RestoredSettings? RestoredSettings { get; private set; }

    /// <summary>The last failure to store what requests did to the faults (a hit), for the monitor's banner.</summary>
    internal string? LastSettingsStoreFailure { get; private set; }

    /// <summary>
    /// Takes over the stored settings (or forgets them when the options say so) and from then on stores every change.
    /// Runs before the hub serves anything, after its clock exists: fault windows are judged on the restored offset.
    /// </summary>
    private void RestoreSettings()
    {
        if (Options.RestoreRunTimeSettings)
        {
            var stored = _store.LoadSettings();
            if (stored.Strictness is { } strictness)
            {
                _strictness = strictness;
            }

            if (stored.ClockOffset is { } offset)
            {
                Clock.Offset = offset;
            }

            var (restored, dropped) = _faults.Restore(stored.Faults.Select(f => (f.Fault, f.InjectedAt, f.Hits)));
            if (dropped.Count > 0)
            {
                _store.SaveFaults(restored.Select(StoredFault.Of).ToArray());
            }

            var settings = new RestoredSettings(stored.Strictness, stored.ClockOffset is { } o && o != TimeSpan.Zero ? o : null, restored, dropped);
            RestoredSettings = settings.IsEmpty ? null : settings;
        }
        else
        {
            _store.ForgetSettings();
        }

        Clock.Keep = _store.SaveClockOffset;
        _faults.Keep = faults => _store.SaveFaults(faults.Select(StoredFault.Of).ToArray());
        _faults.KeepFailed = ex => LastSettingsStoreFailure = $"The injected faults as they now stand could not be stored: {ex.Message}";
    }
}
