Feature: Failing step

  Scenario: A failing step fails the scenario with its message
    Given the number 2
    When I add 2
    Then the result is 5
    And this step fails if it runs
