using System.Collections.Concurrent;
using System.Reflection;

namespace ECms.Conformance.NUnitBridge.Runner;

/// <summary>
/// The features embedded in a suite assembly: every manifest resource whose logical name ends in
/// <c>.feature</c>, keyed by that name (the stable relative path that becomes the Cucumber uri).
/// </summary>
public sealed class FeatureCatalog
{
    // One catalog per assembly per process: NUnit discovery, NUnit execution and a CLI run must all see
    // the same FeatureInfo instances, because Reqnroll compares features by reference.
    private static readonly ConcurrentDictionary<Assembly, Lazy<FeatureCatalog>> Catalogs = new();

    private readonly Dictionary<string, SuiteFeature> _byUri;

    private FeatureCatalog(Assembly assembly, IReadOnlyList<SuiteFeature> features)
    {
        Assembly = assembly;
        Features = features;
        _byUri = features.ToDictionary(f => f.Uri, StringComparer.Ordinal);
    }

    public Assembly Assembly { get; }

    /// <summary>All features in uri order, including unparsable ones (see <see cref="SuiteFeature.ParseError"/>).</summary>
    public IReadOnlyList<SuiteFeature> Features { get; }

    public IEnumerable<SuitePickle> Pickles => Features.SelectMany(f => f.Pickles);

    public static FeatureCatalog For(Assembly suite)
    {
        ArgumentNullException.ThrowIfNull(suite);
        return Catalogs.GetOrAdd(suite, a => new Lazy<FeatureCatalog>(() => Load(a))).Value;
    }

    public SuiteFeature? Find(string uri) => _byUri.GetValueOrDefault(uri);

    private static FeatureCatalog Load(Assembly assembly)
    {
        var features = assembly.GetManifestResourceNames()
            .Where(name => name.EndsWith(".feature", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(name => FeatureParser.Parse(UriOf(name), ReadText(assembly, name)))
            .ToList();
        return new FeatureCatalog(assembly, features);
    }

    // %(RecursiveDir) in a LogicalName carries the OS separator; the uri must not depend on the build machine.
    private static string UriOf(string resourceName) => resourceName.Replace('\\', '/');

    private static string ReadText(Assembly assembly, string resourceName)
    {
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Resource '{resourceName}' is listed but cannot be opened.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
