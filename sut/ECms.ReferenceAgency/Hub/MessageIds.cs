using System.Globalization;
using ECms.Protocol;

namespace ECms.ReferenceAgency.Hub;

/// <summary>
/// wsa:MessageID in the form the manual recommends, <c>mid://yyyyMMdd.HHmmssfff@host</c> (Thai time). Unique per
/// request even when two requests share a millisecond or the clock stands still (a fake clock in tests): a request
/// never reuses or goes behind the last stamp handed out, and the high-water mark survives a restart.
/// </summary>
internal sealed class MessageIds(TimeProvider clock, string host, DateTimeOffset? lastIssued = null)
{
    private readonly Lock _gate = new();
    private DateTimeOffset _last = lastIssued ?? DateTimeOffset.MinValue;

    public DateTimeOffset LastIssued
    {
        get
        {
            lock (_gate)
            {
                return _last;
            }
        }
    }

    public string Next()
    {
        DateTimeOffset stamp;
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            now = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
            stamp = now > _last ? now : _last.AddMilliseconds(1);
            _last = stamp;
        }

        var thai = stamp.ToOffset(WireFormats.ThailandOffset);
        return "mid://" + thai.ToString("yyyyMMdd.HHmmssfff", CultureInfo.InvariantCulture) + "@" + host;
    }
}
