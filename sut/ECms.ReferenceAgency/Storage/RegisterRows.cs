namespace ECms.ReferenceAgency.Storage;

/// <summary>The register queries return rows newest first; this names taking the newest.</summary>
internal static class RegisterRows
{
    public static T? Newest<T>(this IReadOnlyList<T> rows)
        where T : class => rows.Count > 0 ? rows[0] : null;
}
