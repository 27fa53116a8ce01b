using System.Text.RegularExpressions;
using Shouldly.Configuration;

namespace ECms.Reports.Tests.Support;

/// <summary>Approval settings shared by every pinned artifact: files under Approved/, times and IDs scrubbed.</summary>
internal static partial class Approvals
{
    public static Action<ShouldMatchConfigurationBuilder> For(string extension) => builder => builder
        .SubFolder("Approved")
        .WithFileExtension(extension)
        .NoDiff()
        .WithScrubber(Scrub);

    public static string Scrub(string text) => Guid().Replace(IsoTime().Replace(text, "<time>"), "<id>");

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?")]
    private static partial Regex IsoTime();

    [GeneratedRegex(@"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Guid();
}
