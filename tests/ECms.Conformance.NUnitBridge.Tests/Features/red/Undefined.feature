Feature: Undefined step

  Scenario: An undefined step is an error
    Given a fresh journal
    When a step nobody has defined runs
