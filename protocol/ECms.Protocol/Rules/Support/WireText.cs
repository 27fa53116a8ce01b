using System.Xml.Linq;

namespace ECms.Protocol.Rules.Support;

/// <summary>Small facts about wire text that several rules need to say the same thing the same way.</summary>
internal static class WireText
{
    public static bool IsBlank(string? text) => string.IsNullOrWhiteSpace(text);

    public static bool IsAsciiDigits(string text, int length) =>
        text.Length == length && text.All(char.IsAsciiDigit);

    /// <summary>Thai digits ๐–๙ are digits to .NET (<c>char.IsDigit</c>, regex <c>\d</c>) but not on the wire.</summary>
    public static bool HasThaiDigits(string text) => text.Any(c => c is >= '\u0E50' and <= '\u0E59');

    public static bool HasThaiLetters(string text) => text.Any(c => c is >= '\u0E01' and <= '\u0E4F');

    /// <summary>An element as a reader sees it in the message: with the prefix its namespace is bound to, if any.</summary>
    public static string Display(XElement element)
    {
        var ns = element.Name.Namespace;
        var prefix = ns == XNamespace.None ? null : element.GetPrefixOfNamespace(ns);
        return prefix is null ? element.Name.LocalName : $"{prefix}:{element.Name.LocalName}";
    }

    /// <summary>The path an element would have if it were present: its parent's path and its name.</summary>
    public static string PathOfMissing(XElement parent, string localName) => $"{Wire.XmlPaths.Of(parent)}/{localName}";
}
