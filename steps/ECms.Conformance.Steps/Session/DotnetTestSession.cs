using ECms.Conformance.Steps.Drivers.Operators;
using ECms.Conformance.Steps.Profiles;
using ECms.Conformance.Steps.Verdicts;

namespace ECms.Conformance.Steps.Session;

/// <summary>
/// The session of a `dotnet test` run: the profile named by ECMS_PROFILE (default profiles/reference-agency.json),
/// started once at the first scenario, verdicts signalled the NUnit way. A pre-flight failure fails every scenario
/// with the same configuration error.
/// </summary>
internal static class DotnetTestSession
{
    private static readonly Lock Gate = new();
    private static Task<ConformanceSession>? _starting;

    public static Task<ConformanceSession> GetAsync()
    {
        lock (Gate)
        {
            return _starting ??= StartAsync();
        }
    }

    public static async Task StopAsync()
    {
        Task<ConformanceSession>? starting;
        lock (Gate)
        {
            starting = _starting;
            _starting = null;
        }

        if (starting is { IsCompletedSuccessfully: true })
        {
            await (await starting.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task<ConformanceSession> StartAsync()
    {
        var profile = ProfileLoader.FromEnvironment();
        return await ConformanceSession.StartAsync(profile, new SessionOptions
        {
            Signals = NUnitSignals.Instance,
            Operator = profile.Driver == SutDriverKind.Manual ? TextOperatorConsole.Standard : null,
        }, CancellationToken.None).ConfigureAwait(false);
    }
}
