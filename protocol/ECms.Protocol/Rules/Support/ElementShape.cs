namespace ECms.Protocol.Rules.Support;

/// <summary>What an element may contain.</summary>
internal enum ContentKind
{
    /// <summary>Text only, no child elements.</summary>
    Text,

    /// <summary>The child elements of <see cref="ElementShape.Children"/>, in that order; no text between them.</summary>
    Sequence,

    /// <summary>Nothing at all: no child elements, no text.</summary>
    Empty,

    /// <summary>Not checked here (e.g. the content of ds:Signature inside R-SEND-1).</summary>
    Any,
}

/// <summary>
/// An element the spec expects: its local name, how often it may occur, and what it may contain. A tree of these is
/// the schema the spec does not publish (§3.1, §5), read by <see cref="ShapeCheck"/>.
/// </summary>
internal sealed record ElementShape(string Name, int Min, int Max, ContentKind Content, IReadOnlyList<ElementShape> Children, string? Prefix)
{
    public const int Unbounded = int.MaxValue;

    /// <summary>The name as the spec writes it, e.g. "ram:SpeedCode".</summary>
    public string Display => Prefix is null ? Name : $"{Prefix}:{Name}";

    public static ElementShape Text(string name, string? prefix = null, int min = 1, int max = 1) =>
        new(name, min, max, ContentKind.Text, [], prefix);

    public static ElementShape Sequence(string name, string? prefix, int min, int max, params ElementShape[] children) =>
        new(name, min, max, ContentKind.Sequence, children, prefix);

    public static ElementShape Empty(string name) => new(name, 1, 1, ContentKind.Empty, [], null);

    public static ElementShape Any(string name, string? prefix, int min, int max) => new(name, min, max, ContentKind.Any, [], prefix);
}
