using System.Globalization;

namespace ECms.Simulators.Persistence;

/// <summary>
/// How much history a hub's stored journal keeps: exchanges received within <see cref="MaxAge"/> (hub time), and at
/// most <see cref="MaxExchanges"/> of them — whichever keeps fewer; null = no limit of that kind. Only journal history
/// is pruned: letters, their states and histories and queue items are the hub's state and stay however old they are.
/// </summary>
public sealed record JournalRetention
{
    private readonly TimeSpan? _maxAge;
    private readonly int? _maxExchanges;

    /// <summary>The last 30 days, at most 50,000 exchanges (with small letters, a few hundred MB; bodies are bounded by <c>MaxStoredBodyBytes</c>).</summary>
    public static JournalRetention Default { get; } = new() { MaxAge = TimeSpan.FromDays(30), MaxExchanges = 50_000 };

    public static JournalRetention Unlimited { get; } = new();

    public TimeSpan? MaxAge
    {
        get => _maxAge;
        init => _maxAge = value is { } age && age <= TimeSpan.Zero
            ? throw new ArgumentOutOfRangeException(nameof(MaxAge), age, "Keep the journal for a positive time, or null for no age limit.")
            : value;
    }

    public int? MaxExchanges
    {
        get => _maxExchanges;
        init => _maxExchanges = value is < 1
            ? throw new ArgumentOutOfRangeException(nameof(MaxExchanges), value, "Keep at least one exchange, or null for no count limit.")
            : value;
    }

    public bool IsUnlimited => MaxAge is null && MaxExchanges is null;

    public override string ToString()
    {
        var limits = new List<string>();
        if (MaxAge is { } age)
        {
            limits.Add(age.Ticks % TimeSpan.TicksPerDay == 0
                ? string.Create(CultureInfo.InvariantCulture, $"the last {age.TotalDays:0} day(s)")
                : string.Create(CultureInfo.InvariantCulture, $"the last {age:c}"));
        }

        if (MaxExchanges is { } count)
        {
            limits.Add(string.Create(CultureInfo.InvariantCulture, $"at most {count:N0} exchanges"));
        }

        return limits.Count == 0 ? "every exchange (no limit)" : string.Join(" and ", limits);
    }
}
