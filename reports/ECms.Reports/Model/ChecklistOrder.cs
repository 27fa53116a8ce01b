using System.Globalization;

namespace ECms.Reports.Model;

/// <summary>
/// Checklist IDs in the checklist's own order: group letters first, then the number as a number, so that
/// A2 comes before A10 (string order would not). IDs that do not look like checklist IDs sort after them, ordinally.
/// </summary>
public static class ChecklistOrder
{
    public static IComparer<string> Comparer { get; } = new IdComparer();

    /// <summary>The group of an ID (<c>C13</c> → <c>C</c>); the whole ID when it has no letter prefix.</summary>
    public static string GroupOf(string id)
    {
        var letters = LetterPrefixLength(id);
        return letters == 0 ? id : id[..letters];
    }

    private static int LetterPrefixLength(string id)
    {
        var i = 0;
        while (i < id.Length && char.IsAsciiLetter(id[i]))
        {
            i++;
        }

        return i;
    }

    private static (string Group, long Number, string Suffix)? Parse(string id)
    {
        var letters = LetterPrefixLength(id);
        var digits = letters;
        while (digits < id.Length && char.IsAsciiDigit(id[digits]))
        {
            digits++;
        }

        if (letters == 0 || digits == letters || digits - letters > 18)
        {
            return null;
        }

        var number = long.Parse(id.AsSpan(letters, digits - letters), NumberStyles.None, CultureInfo.InvariantCulture);
        return (id[..letters], number, id[digits..]);
    }

    private sealed class IdComparer : IComparer<string>
    {
        public int Compare(string? x, string? y)
        {
            if (ReferenceEquals(x, y))
            {
                return 0;
            }

            if (x is null || y is null)
            {
                return x is null ? -1 : 1;
            }

            var (px, py) = (Parse(x), Parse(y));
            if (px is null || py is null)
            {
                return px is null && py is null ? string.CompareOrdinal(x, y) : px is null ? 1 : -1;
            }

            var byGroup = string.CompareOrdinal(px.Value.Group, py.Value.Group);
            if (byGroup != 0)
            {
                return byGroup;
            }

            var byNumber = px.Value.Number.CompareTo(py.Value.Number);
            return byNumber != 0 ? byNumber : string.CompareOrdinal(px.Value.Suffix, py.Value.Suffix);
        }
    }
}
