using ECms.Conformance.NUnitBridge.Runner;
using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Builders;

namespace ECms.Conformance.NUnitBridge;

/// <summary>
/// One NUnit test per pickle of the fixture's feature. Names are identifiers (for <c>--filter</c>); the readable
/// title is the Description, tags are categories, <c>@ignore</c> means Ignored, file order is run order.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class PickleTestsAttribute : NUnitAttribute, ITestBuilder
{
    internal const string LoadErrorTestName = "FeatureCannotBeLoaded";

    public IEnumerable<TestMethod> BuildFrom(IMethodInfo method, Test? suite)
    {
        var builder = new NUnitTestCaseBuilder();
        if (suite?.Properties.Get(EmbeddedFeaturesAttribute.LoadErrorProperty) is string error)
        {
            return [Invalid(builder, method, suite, error)];
        }

        var uri = suite?.Properties.Get(EmbeddedFeaturesAttribute.FeatureUriProperty) as string;
        if (uri is null || FeatureCatalog.For(method.TypeInfo.Assembly).Find(uri) is not { } feature)
        {
            return [Invalid(builder, method, suite, $"{method.TypeInfo.FullName} must be built by [EmbeddedFeatures], not as a plain [TestFixture].")];
        }

        return feature.Pickles.Select(p => builder.BuildTestMethod(method, suite, ParametersFor(p))).ToList();
    }

    private static TestCaseParameters ParametersFor(SuitePickle pickle)
    {
        var parameters = new TestCaseParameters([pickle]) { TestName = pickle.TestName };
        parameters.Properties.Set(PropertyNames.Description, pickle.Title);
        parameters.Properties.Set(PropertyNames.Order, pickle.Index);
        foreach (var tag in pickle.Tags.Distinct(StringComparer.Ordinal))
        {
            parameters.Properties.Add(PropertyNames.Category, tag);
        }

        if (pickle.IsIgnored)
        {
            parameters.RunState = RunState.Ignored;
            parameters.Properties.Set(PropertyNames.SkipReason, "Tagged @ignore");
        }

        return parameters;
    }

    // NotRunnable is reported as a failure by NUnit and by the VSTest adapter, with the reason as its message.
    private static TestMethod Invalid(NUnitTestCaseBuilder builder, IMethodInfo method, Test? suite, string reason)
    {
        var test = builder.BuildTestMethod(method, suite, new TestCaseParameters([null]) { TestName = LoadErrorTestName });
        test.RunState = RunState.NotRunnable;
        test.Properties.Set(PropertyNames.SkipReason, reason);
        return test;
    }
}
