using System.Globalization;
using System.Text;

namespace ECms.Conformance.Containers;

/// <summary>
/// What a container wrote, stdout and stderr merged in the order the engine stamped them — for the evidence bundle
/// and for error messages.
/// </summary>
public sealed record SutContainerLogs
{
    internal SutContainerLogs(IReadOnlyList<SutContainerLogLine> lines, string? unavailableReason = null)
    {
        Lines = lines;
        UnavailableReason = unavailableReason;
    }

    public IReadOnlyList<SutContainerLogLine> Lines { get; }

    /// <summary>Why there are no logs (the engine did not give them); null when it did.</summary>
    public string? UnavailableReason { get; }

    /// <summary>Every line with its time stamp and stream, as written to the evidence.</summary>
    public string Text
    {
        get
        {
            var text = new StringBuilder();
            if (UnavailableReason is not null)
            {
                text.Append("(logs unavailable: ").Append(UnavailableReason).AppendLine(")");
            }

            foreach (var line in Lines)
            {
                text.Append(line.Time?.ToString("yyyy-MM-dd'T'HH:mm:ss.fffZ", CultureInfo.InvariantCulture) ?? "-")
                    .Append(line.IsStandardError ? " stderr " : " stdout ")
                    .AppendLine(line.Text);
            }

            return text.ToString();
        }
    }

    /// <summary>The last <paramref name="count"/> lines' text, oldest first.</summary>
    public IReadOnlyList<string> Tail(int count) =>
        Lines.Skip(Math.Max(0, Lines.Count - count)).Select(l => l.Text).ToArray();

    internal static SutContainerLogs Unavailable(string reason) => new([], reason);

    /// <summary>Merges the engine's two time-stamped streams (each line "2025-11-25T23:40:01.123456789Z text").</summary>
    internal static SutContainerLogs FromTimestamped(string stdout, string stderr)
    {
        var lines = Parse(stdout, false).Concat(Parse(stderr, true))
            .Select((line, index) => (line, index))
            .OrderBy(x => x.line.Time ?? DateTimeOffset.MinValue)
            .ThenBy(x => x.index)
            .Select(x => x.line)
            .ToArray();
        return new SutContainerLogs(lines);
    }

    private static IEnumerable<SutContainerLogLine> Parse(string stream, bool isError)
    {
        // A line without a stamp (should the engine ever give one) sorts with the line before it.
        DateTimeOffset? previous = null;
        foreach (var raw in stream.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0 && DateTimeOffset.TryParse(line.AsSpan(0, space), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
            {
                previous = time;
                yield return new SutContainerLogLine(time, isError, line[(space + 1)..]);
            }
            else
            {
                yield return new SutContainerLogLine(previous, isError, line);
            }
        }
    }
}
