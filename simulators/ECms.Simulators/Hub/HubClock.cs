namespace ECms.Simulators.Hub;

/// <summary>
/// The hub's clock: the injected <see cref="TimeProvider"/> plus an adjustable offset, so a scenario can put the hub
/// seven minutes ahead of the agency (checklist B6) without touching the provider that tests advance. Timers and
/// timestamps come from the inner provider unchanged: the offset moves the wall time, not durations.
/// </summary>
public sealed class HubClock(TimeProvider inner) : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
        set => Interlocked.Exchange(ref _offsetTicks, value.Ticks);
    }

    public TimeProvider Inner => inner;

    public void Shift(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override long GetTimestamp() => inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);
}
