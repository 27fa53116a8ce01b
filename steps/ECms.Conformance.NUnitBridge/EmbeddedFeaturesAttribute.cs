using ECms.Conformance.NUnitBridge.Runner;
using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Builders;

namespace ECms.Conformance.NUnitBridge;

/// <summary>
/// Builds one fixture per embedded feature whose uri starts with <see cref="UriPrefix"/>. A feature that cannot
/// be parsed, or a prefix that matches nothing, still yields a fixture with one failing test: a suite must never
/// shrink to zero tests without saying why.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true, AllowMultiple = false)]
public sealed class EmbeddedFeaturesAttribute(string uriPrefix = "") : NUnitAttribute, IFixtureBuilder2
{
    internal const string FeatureUriProperty = "FeatureUri";
    internal const string LoadErrorProperty = "FeatureLoadError";

    public string UriPrefix { get; } = uriPrefix;

    public IEnumerable<TestSuite> BuildFrom(ITypeInfo typeInfo) => BuildFrom(typeInfo, MatchAll.Instance);

    public IEnumerable<TestSuite> BuildFrom(ITypeInfo typeInfo, IPreFilter filter)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        var builder = new NUnitTestFixtureBuilder();
        var features = FeatureCatalog.For(typeInfo.Assembly).Features
            .Where(f => f.Uri.StartsWith(UriPrefix, StringComparison.Ordinal))
            .ToList();
        if (features.Count == 0)
        {
            var error = $"{typeInfo.Assembly.GetName().Name} embeds no resource ending in .feature under '{UriPrefix}'; "
                + "embed features with <EmbeddedResource Include=\"...\" LogicalName=\"features/%(RecursiveDir)%(Filename)%(Extension)\" />.";
            return [builder.BuildFrom(typeInfo, filter, FixtureData("NoFeatures", "No features", uri: null, error))];
        }

        return features.Select(f => builder.BuildFrom(typeInfo, filter, FixtureData(f.TestName, f.Title, f.Uri, f.ParseError))).ToList();
    }

    private static TestFixtureData FixtureData(string name, string description, string? uri, string? error)
    {
        var data = new TestFixtureData { TestName = name };
        data.Properties.Set(PropertyNames.Description, description);
        if (uri is not null)
        {
            data.Properties.Set(FeatureUriProperty, uri);
        }

        if (error is not null)
        {
            data.Properties.Set(LoadErrorProperty, error);
        }

        return data;
    }

    // NUnit's own "no filter" is internal.
    private sealed class MatchAll : IPreFilter
    {
        public static readonly MatchAll Instance = new();

        public bool IsMatch(Type type) => true;

        public bool IsMatch(Type type, System.Reflection.MethodInfo method) => true;
    }
}
