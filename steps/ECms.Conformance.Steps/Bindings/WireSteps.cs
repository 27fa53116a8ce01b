using ECms.Conformance.Steps.Drivers.Hub;
using Reqnroll;

namespace ECms.Conformance.Steps.Bindings;

/// <summary>Checklist E: passive checks over all the SUT's traffic in the run.</summary>
[Binding]
public sealed class WireSteps(HubDriver hub)
{
    [Then("no request of the system under test in this run breaks the rules {string}")]
    public void Rules(string rules) => hub.RunRulesHold(HubDriver.RuleList(rules));

    [Then("no notifier of the system under test in this run was sent by the wrong party")]
    public void Role() => hub.NotifiersFromTheRightParty();

    [Then("every notifier of the system under test in this run names a letter between it and the counterpart")]
    public void Echo() => hub.NotifiersMatchALetter();

    [Then("every delete request of the system under test in this run names a ProcessID its own pulls returned")]
    public void Deletes() => hub.DeletesNameOwnProcessIds();

    [Then("every letter of the system under test in this run names the system under test as sender")]
    public void Sender() => hub.LettersInOwnName();

    [Then("wsa:To of every request of the system under test in this run names the right endpoint")]
    public void To() => hub.RunToNamesTheRightEndpoint();

    [Then("no date field of the system under test in this run has a year of 2400 or later")]
    public void Years() => hub.NoBuddhistEraYears();

    [Then("every request of the system under test in this run is well-formed UTF-8 XML")]
    public void WellFormed() => hub.WellFormedUtf8();

    [Then("every SecretCode, SpeedCode and mimeCode of the system under test in this run is in the hub's lists")]
    public void Codes() => hub.CodesFromServedLists();

    [Then("every request of the system under test in this run is SOAP 1.1 with unqualified wrappers and notifier fields")]
    public void Soap() => hub.Soap11UnqualifiedEverywhere();

    [Then("no polling cycle of the system under test in this run pulled an empty queue more than once")]
    public void Cycles() => hub.NoRepeatedEmptyPulls();

    [Then("the system under test should not pull an empty queue more than {int} times a minute")]
    public void Rate(int perMinute) => hub.EmptyPullRate(perMinute);
}
