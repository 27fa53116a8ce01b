Feature: Skipping step

  Scenario: A step can skip its scenario
    Given a step that skips its scenario
