using System.Text;
using System.Xml.Linq;
using ECms.Protocol.Wire;

namespace ECms.Protocol.Tests.Rules;

/// <summary>
/// A request document for a rule table: a clean spec example, then small mutations. Every mutation must find what
/// it changes — a mutation that silently matched nothing would turn a negative case into a positive one.
/// </summary>
public sealed record TestDocument(string Name, string Text)
{
    public const string SendLetter = "10.1-send-letter.xml";
    public const string Pull = "10.2a-pull.xml";
    public const string DeleteFromQueue = "10.2b-delete-from-queue.xml";
    public const string ReceiveLetter = "10.2c-receive-letter-notifier.xml";
    public const string AcceptLetter = "10.2d-accept-letter-notifier.xml";
    public const string RejectLetter = "10.3a-reject-letter-notifier.xml";
    public const string Withdraw = "10.3b-withdraw-letter.xml";
    public const string InvalidAcceptId = "10.4-invalid-acceptid-notifier.xml";
    public const string InvalidLetter = "5.2-invalid-letter-notifier.xml";
    public const string GetOrganizationList = "5.7-get-organization-list.xml";

    public static IReadOnlyList<string> AllSpecExamples { get; } =
        [SendLetter, Pull, DeleteFromQueue, ReceiveLetter, AcceptLetter, RejectLetter, Withdraw, InvalidAcceptId, InvalidLetter, GetOrganizationList];

    public byte[] Bytes => Encoding.UTF8.GetBytes(Text);

    public static TestDocument Spec(string file) =>
        new(file, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Documents", "spec", file), Encoding.UTF8));

    /// <summary>Replaces the one occurrence of <paramref name="old"/>; zero or several occurrences are a mistake in the table.</summary>
    public TestDocument Replace(string old, string replacement)
    {
        var at = Text.IndexOf(old, StringComparison.Ordinal);
        if (at < 0 || Text.IndexOf(old, at + 1, StringComparison.Ordinal) >= 0)
        {
            throw new ArgumentException($"\"{old}\" must occur exactly once in {Name}.", nameof(old));
        }

        return this with { Text = string.Concat(Text.AsSpan(0, at), replacement, Text.AsSpan(at + old.Length)) };
    }

    public TestDocument Remove(string old) => Replace(old, "");

    /// <summary>Replaces every occurrence of <paramref name="old"/>, of which there must be at least one.</summary>
    public TestDocument ReplaceAll(string old, string replacement) =>
        Text.Contains(old, StringComparison.Ordinal)
            ? this with { Text = Text.Replace(old, replacement, StringComparison.Ordinal) }
            : throw new ArgumentException($"\"{old}\" does not occur in {Name}.", nameof(old));

    /// <summary>Changes the parsed document; the result is serialised without indentation or XML declaration.</summary>
    public TestDocument Edit(Action<XDocument> edit)
    {
        var document = SafeXmlLoader.Load(Bytes).Document ?? throw new InvalidOperationException($"{Name} does not load.");
        edit(document);
        return this with { Text = document.ToString(SaveOptions.DisableFormatting) };
    }

    public override string ToString() => Name;
}
