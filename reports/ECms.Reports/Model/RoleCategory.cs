namespace ECms.Reports.Model;

/// <summary>
/// The roles a reader filters by. The checklist writes roles as letters (<c>S</c>, <c>R</c>, <c>S/R</c>, <c>D</c>) and
/// the Gherkin tags as words (<c>sender</c>…); both are understood.
/// </summary>
public static class RoleCategory
{
    public const string Sender = "sender";
    public const string Receiver = "receiver";
    public const string Directory = "directory";
    public const string Other = "other";

    public static IReadOnlyList<string> All { get; } = [Sender, Receiver, Directory, Other];

    public static IReadOnlyList<string> Of(string? role)
    {
        var categories = new List<string>();
        foreach (var part in (role ?? "").Split(['/', ',', ' ', '|'], StringSplitOptions.RemoveEmptyEntries))
        {
            var category = part.ToUpperInvariant() switch
            {
                "S" or "SENDER" => Sender,
                "R" or "RECEIVER" => Receiver,
                "D" or "DIRECTORY" => Directory,
                _ => Other,
            };
            if (!categories.Contains(category))
            {
                categories.Add(category);
            }
        }

        return categories.Count == 0 ? [Other] : categories;
    }
}
