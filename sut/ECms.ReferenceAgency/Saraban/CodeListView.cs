using ECms.Protocol.CodeLists;

namespace ECms.ReferenceAgency.Saraban;

/// <summary>
/// The secret codes, speed codes and file types the agency offers: the hub's lists once refresh-directory fetched
/// them (spec R-DIR-2), the standard lists of spec §8 before that.
/// </summary>
internal sealed record CodeListView(IReadOnlySet<string> SecretCodes, IReadOnlySet<string> SpeedCodes, IReadOnlySet<string> ContentTypes)
{
    public static CodeListView From(IReadOnlyList<string> secret, IReadOnlyList<string> speed, IReadOnlyList<string> mime)
    {
        var standard = CodeLists.Standard;
        return new CodeListView(
            (secret.Count > 0 ? secret : standard.SecretCodes.Select(c => c.Value)).ToHashSet(StringComparer.Ordinal),
            (speed.Count > 0 ? speed : standard.SpeedCodes.Select(c => c.Value)).ToHashSet(StringComparer.Ordinal),
            (mime.Count > 0 ? mime : standard.MimeTypes.Select(m => m.ContentType)).ToHashSet(StringComparer.OrdinalIgnoreCase));
    }

    public bool AllowsContentType(string mimeType) => ContentTypes.Contains(mimeType.Split(';', 2)[0].Trim());
}
