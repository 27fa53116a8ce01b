namespace ECms.Simulators.Hub;

/// <summary>
/// The hub's clock: the injected <see cref="TimeProvider"/> plus an adjustable offset, so a scenario can put the hub
/// seven minutes ahead of the agency (checklist B6) without touching the provider that tests advance. Timers and
/// timestamps come from the inner provider unchanged: the offset moves the wall time, not durations.
/// </summary>
public sealed class HubClock(TimeProvider inner) : TimeProvider
{
    private readonly Lock _gate = new();
    private long _offsetTicks;

    public TimeSpan Offset
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
        set => Change(_ => value);
    }

    public TimeProvider Inner => inner;

    /// <summary>
    /// Told of each new offset before it applies (a hub on a data file stores it); when it throws, the offset stays as
    /// it was. Changes are serialised, so the last one kept is the one in effect.
    /// </summary>
    internal Action<TimeSpan>? Keep { get; set; }

    public void Shift(TimeSpan by) => Change(current => current + by);

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override long GetTimestamp() => inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);

    private void Change(Func<TimeSpan, TimeSpan> next)
    {
        lock (_gate)
        {
            var offset = next(Offset);
            Keep?.Invoke(offset);
            Interlocked.Exchange(ref _offsetTicks, offset.Ticks);
        }
    }
}
