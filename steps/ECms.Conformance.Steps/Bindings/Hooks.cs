using ECms.Conformance.Steps.Drivers;
using ECms.Conformance.Steps.Drivers.Hub;
using ECms.Conformance.Steps.Session;
using Reqnroll;

namespace ECms.Conformance.Steps.Bindings;

[Binding]
public sealed class Hooks(ScenarioHarness harness, HubDriver hub)
{
    [BeforeScenario(Order = 0)]
    public Task BeginAsync() => harness.BeginAsync();

    [AfterScenario(Order = 0)]
    public Task EndAsync() => harness.EndAsync(hub);

    [AfterTestRun]
    public static Task StopDotnetTestSessionAsync() => DotnetTestSession.StopAsync();
}
