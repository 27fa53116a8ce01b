using Reqnroll.Analytics;

namespace ECms.Conformance.NUnitBridge.Runner;

/// <summary>
/// Reqnroll posts usage telemetry and writes ~/.config/Reqnroll/userid unless told otherwise; our machines have
/// no internet and certification runs must not phone home. CI also exports REQNROLL_TELEMETRY_ENABLED=0.
/// </summary>
internal sealed class TelemetryOff : IEnvironmentReqnrollTelemetryChecker, IAnalyticsRuntimeTelemetryService
{
    public static readonly TelemetryOff Instance = new();

    public bool IsReqnrollTelemetryEnabled() => false;

    public void SendFeatureUseEvent(string featureName, Dictionary<string, string>? properties = null, Dictionary<string, double>? metrics = null)
    {
    }

    public void SendProjectRunningEvent()
    {
    }
}
