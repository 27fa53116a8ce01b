@sample @hooks
Feature: Hooks and context injection

  Scenario: A BeforeScenario hook prepares the injected context
    Then the hook has prepared the context for "A BeforeScenario hook prepares the injected context"

  Scenario: Test run and feature hooks have run
    Then the BeforeTestRun hook has run
    And the BeforeFeature hook has run for "Hooks and context injection"

  Scenario: Reqnroll telemetry is switched off
    Then Reqnroll telemetry is disabled
