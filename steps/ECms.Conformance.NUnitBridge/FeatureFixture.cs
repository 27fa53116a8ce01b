using System.Runtime.ExceptionServices;
using ECms.Conformance.NUnitBridge.Runner;
using NUnit.Framework;

namespace ECms.Conformance.NUnitBridge;

/// <summary>
/// Derive once in the suite assembly (<c>public sealed class Features : FeatureFixture;</c>) to get one NUnit
/// fixture per embedded feature and one test per pickle. Put <see cref="EmbeddedFeaturesAttribute"/> on the
/// derived class to take only the features under a uri prefix.
/// </summary>
[EmbeddedFeatures]
public abstract class FeatureFixture
{
    [PickleTests]
    public async Task Scenario(SuitePickle pickle)
    {
        ArgumentNullException.ThrowIfNull(pickle);
        var result = await NUnitSuite.RunnerFor(GetType().Assembly).RunAsync(pickle).ConfigureAwait(false);

        // Rethrow what Reqnroll threw so NUnit classifies it itself (assertion, ignore, inconclusive, error).
        if (result.Error is { } error)
        {
            ExceptionDispatchInfo.Throw(error);
        }
    }

    [OneTimeTearDown]
    public async Task EndFeatureAsync()
    {
        var uri = TestContext.CurrentContext.Test.Properties.Get(EmbeddedFeaturesAttribute.FeatureUriProperty) as string;
        if (uri is not null && FeatureCatalog.For(GetType().Assembly).Find(uri) is { } feature)
        {
            await NUnitSuite.RunnerFor(GetType().Assembly).EndFeatureAsync(feature).ConfigureAwait(false);
        }
    }
}
