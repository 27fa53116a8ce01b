namespace ECms.Reports.Bundle;

public enum ArtifactStatus
{
    Intact,
    Changed,
    Missing,
    Unlisted,
}
