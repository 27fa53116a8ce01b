namespace ECms.Reports.Bundle;

public enum RenderCheckStatus
{
    Matches,
    Differs,

    /// <summary>Not compared: report.json is unreadable, or the bundle was written by another renderer version.</summary>
    NotCompared,
}
