using System.Globalization;

namespace ECms.Conformance.Containers.Tests.Unit;

/// <summary>Telling a dead owner from a live one, so only what a killed harness left behind is removed.</summary>
public sealed class ProcessIdentityTests
{
    [Test]
    public void IsDeadHere_ThisProcess_Alive() => ProcessIdentity.IsDeadHere(ProcessIdentity.Current).ShouldBeFalse();

    [Test]
    public void IsDeadHere_SamePidOtherStart_Dead() =>
        ProcessIdentity.IsDeadHere(string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}/{Environment.ProcessId}/1")).ShouldBeTrue();

    [Test]
    public void IsDeadHere_OtherMachine_NotJudged() =>
        ProcessIdentity.IsDeadHere(string.Create(CultureInfo.InvariantCulture, $"another-machine/{Environment.ProcessId}/1")).ShouldBeFalse();

    [Test]
    public void IsDeadHere_StartUnknown_NotJudged() =>
        ProcessIdentity.IsDeadHere($"{Environment.MachineName}/999999999/?").ShouldBeFalse();

    [Test]
    public void Current_ThisProcess_MachinePidAndKernelStartTime() =>
        ProcessIdentity.Current.ShouldMatch($"^{System.Text.RegularExpressions.Regex.Escape(Environment.MachineName)}/{Environment.ProcessId}/[0-9]+$");
}
