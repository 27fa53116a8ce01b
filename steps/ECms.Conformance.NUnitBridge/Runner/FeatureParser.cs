using System.Globalization;
using Gherkin;
using Gherkin.CucumberMessages;
using Gherkin.CucumberMessages.Pickles;
using Io.Cucumber.Messages.Types;
using Reqnroll;

namespace ECms.Conformance.NUnitBridge.Runner;

/// <summary>
/// Gherkin text → AST → Cucumber messages → pickles, with the Gherkin parser Reqnroll itself is built against.
/// Pickles are the unit of execution because they already expand outlines and include background steps.
/// </summary>
internal static class FeatureParser
{
    public static SuiteFeature Parse(string uri, string text)
    {
        GherkinDocument document;
        List<Pickle> pickles;
        try
        {
            var gherkinAst = new Parser().Parse(new StringReader(text));
            var ids = new UriIdGenerator(uri);
            document = new AstMessagesConverter(ids).ConvertGherkinDocumentToEventArgs(gherkinAst, uri);
            pickles = new PickleCompiler(ids).Compile(document);
        }
        catch (ParserException ex)
        {
            return Unparsable(uri, ex.Message);
        }

        if (document.Feature is not { } feature)
        {
            return Unparsable(uri, "The file has no 'Feature:' line.");
        }

        var messages = new FeatureMessages(new Source(uri, text, SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_PLAIN), document, pickles);
        var info = new FeatureInfo(
            LanguageOf(feature),
            FolderOf(uri),
            feature.Name,
            NullIfBlank(feature.Description),
            ProgrammingLanguage.CSharp,
            TagNames(feature.Tags),
            messages);
        var suiteFeature = new SuiteFeature(uri, feature.Name, info, [], parseError: null);

        var index = new AstIndex(feature);
        var names = TestNames.MakeUnique(pickles.Select(index.TestNameOf));
        suiteFeature.Pickles = pickles
            .Select((pickle, i) => new SuitePickle(suiteFeature, i, pickle, names[i], index.ScenarioOf(pickle), pickle.Steps.Select(index.StepCallOf).ToList()))
            .ToList();
        return suiteFeature;
    }

    private static SuiteFeature Unparsable(string uri, string error) =>
        new(uri, title: uri, info: null, pickles: [], parseError: $"{uri}: {error}");

    // Gherkin accepts dialects (e.g. en-pirate) that are not .NET cultures.
    private static CultureInfo LanguageOf(Feature feature)
    {
        try
        {
            return CultureInfo.GetCultureInfo(feature.Language, predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.InvariantCulture;
        }
    }

    private static string FolderOf(string uri) => uri.Contains('/', StringComparison.Ordinal) ? uri[..uri.LastIndexOf('/')] : "";

    internal static string[] TagNames(IEnumerable<Tag> tags) => tags.Select(t => t.Name.TrimStart('@')).ToArray();

    internal static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
