using Reqnroll.Analytics;
using Reqnroll.Plugins;
using Reqnroll.UnitTestProvider;

namespace ECms.Conformance.NUnitBridge.Runner;

/// <summary>
/// What Reqnroll.NUnit's plugin would register, parameterised so the CLI can plug in its own provider:
/// the unit-test runtime provider, the trace listener, and telemetry switched off.
/// </summary>
internal sealed class BridgeRuntimePlugin(PickleRunnerOptions options) : IRuntimePlugin
{
    public const string Name = "ecms-nunitbridge";

    public void Initialize(RuntimePluginEvents runtimePluginEvents, RuntimePluginParameters runtimePluginParameters, UnitTestProviderConfiguration unitTestProviderConfiguration)
    {
        unitTestProviderConfiguration.UseUnitTestProvider(Name);
        runtimePluginEvents.RegisterGlobalDependencies += (_, e) =>
        {
            e.ObjectContainer.RegisterInstanceAs(options.RuntimeProvider, Name);
            e.ObjectContainer.RegisterInstanceAs<IEnvironmentReqnrollTelemetryChecker>(TelemetryOff.Instance);
            e.ObjectContainer.RegisterInstanceAs<IAnalyticsRuntimeTelemetryService>(TelemetryOff.Instance);
        };

        if (options.TraceListener is { } listener)
        {
            runtimePluginEvents.CustomizeTestThreadDependencies += (_, e) => e.ObjectContainer.RegisterInstanceAs(listener);
        }
    }
}
