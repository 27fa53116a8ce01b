using Reqnroll.BoDi;
using Reqnroll.Infrastructure;
using Reqnroll.Plugins;

namespace ECms.Conformance.NUnitBridge.Runner;

/// <summary>
/// Reqnroll's defaults plus our plugin. ContainerBuilder initialises every named <see cref="IRuntimePlugin"/>
/// registration as a "plugin registered from code", so the suite needs neither an [assembly: RuntimePlugin]
/// line nor a *.ReqnrollPlugin.dll file for the bridge to take effect.
/// </summary>
internal sealed class BridgeDependencyProvider(IRuntimePlugin plugin) : IDefaultDependencyProvider
{
    private readonly DefaultDependencyProvider _defaults = new();

    public void RegisterGlobalContainerDefaults(ObjectContainer container)
    {
        _defaults.RegisterGlobalContainerDefaults(container);
        container.RegisterInstanceAs(plugin, BridgeRuntimePlugin.Name);
    }

    public void RegisterTestThreadContainerDefaults(ObjectContainer testThreadContainer) =>
        _defaults.RegisterTestThreadContainerDefaults(testThreadContainer);

    public void RegisterScenarioContainerDefaults(ObjectContainer scenarioContainer) =>
        _defaults.RegisterScenarioContainerDefaults(scenarioContainer);
}
