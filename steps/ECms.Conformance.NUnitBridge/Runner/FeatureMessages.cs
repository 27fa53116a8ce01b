using Io.Cucumber.Messages.Types;
using Reqnroll.Formatters.RuntimeSupport;

namespace ECms.Conformance.NUnitBridge.Runner;

/// <summary>
/// The Source, GherkinDocument and Pickles Reqnroll's formatters (Cucumber ndjson, html) need. Generated code
/// reads them from an .ndjson resource; we hand over the objects we already parsed.
/// </summary>
internal sealed class FeatureMessages(Source source, GherkinDocument document, IReadOnlyList<Pickle> pickles) : IFeatureLevelCucumberMessages
{
    public bool HasMessages => true;

    public Source Source { get; } = source;

    public GherkinDocument GherkinDocument { get; } = document;

    public IEnumerable<Pickle> Pickles { get; } = pickles;
}
