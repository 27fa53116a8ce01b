using Reqnroll;

namespace ECms.Conformance.NUnitBridge.Tests.Steps;

[Binding]
public sealed class ArithmeticSteps
{
    private int _result;

    [Given("the number {int}")]
    public void GivenTheNumber(int number) => _result = number;

    [When("I add {int}")]
    public void WhenIAdd(int number) => _result += number;

    [Then("the result is {int}")]
    public void ThenTheResultIs(int expected) => _result.ShouldBe(expected);
}
