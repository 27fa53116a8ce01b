@before-feature-fails
Feature: Failing BeforeFeature hook

  Scenario: First scenario sees the hook error
    Given a fresh journal

  Scenario: Later scenarios are not run either
    Given a fresh journal
