using Reqnroll;

namespace ECms.Conformance.NUnitBridge.Runner;

/// <summary>One embedded .feature file of a suite assembly, parsed once per process.</summary>
public sealed class SuiteFeature
{
    internal SuiteFeature(string uri, string title, FeatureInfo? info, IReadOnlyList<SuitePickle> pickles, string? parseError)
    {
        Uri = uri;
        Title = title;
        Info = info;
        Pickles = pickles;
        ParseError = parseError;
        TestName = TestNames.ForFeature(uri);
    }

    /// <summary>Stable relative path (the resource's logical name); also the Cucumber <c>uri</c>.</summary>
    public string Uri { get; }

    public string Title { get; }

    /// <summary>
    /// The one instance Reqnroll sees for this feature: the runner detects a feature change by reference,
    /// so a second instance would restart the feature (and its hooks) on every scenario. Null when unparsable.
    /// </summary>
    public FeatureInfo? Info { get; }

    public IReadOnlyList<SuitePickle> Pickles { get; internal set; }

    /// <summary>Set when the file could not be parsed; the feature then has no pickles but must still be reported.</summary>
    public string? ParseError { get; }

    /// <summary>Identifier derived from <see cref="Uri"/>, usable in <c>dotnet test --filter</c>.</summary>
    public string TestName { get; }

    public override string ToString() => Uri;
}
