using Reqnroll.BoDi;
using Reqnroll.Infrastructure;
using Reqnroll.Plugins;
using Reqnroll.Tracing;

namespace ECms.Conformance.NUnitBridge.Runner;

/// <summary>
/// Reqnroll's defaults plus our plugin. ContainerBuilder initialises every named <see cref="IRuntimePlugin"/>
/// registration as a "plugin registered from code", so the suite needs neither an [assembly: RuntimePlugin]
/// line nor a *.ReqnrollPlugin.dll file for the bridge to take effect.
/// </summary>
internal sealed class BridgeDependencyProvider(IRuntimePlugin plugin, ITraceListener? traceListener = null) : IDefaultDependencyProvider
{
    private readonly DefaultDependencyProvider _defaults = new();

    public void RegisterGlobalContainerDefaults(ObjectContainer container)
    {
        _defaults.RegisterGlobalContainerDefaults(container);
        container.RegisterInstanceAs(plugin, BridgeRuntimePlugin.Name);

        // Reqnroll writes its start-up trace ("-> Loading plugin …", "-> Using reqnroll.json") to the global
        // container's listener, the console by default, while the global container is still being built: no plugin
        // event comes early enough to replace it, so the runner's listener is registered here, with the defaults.
        if (traceListener is not null)
        {
            container.RegisterInstanceAs(traceListener);
        }
    }

    public void RegisterTestThreadContainerDefaults(ObjectContainer testThreadContainer) =>
        _defaults.RegisterTestThreadContainerDefaults(testThreadContainer);

    public void RegisterScenarioContainerDefaults(ObjectContainer scenarioContainer) =>
        _defaults.RegisterScenarioContainerDefaults(scenarioContainer);
}
