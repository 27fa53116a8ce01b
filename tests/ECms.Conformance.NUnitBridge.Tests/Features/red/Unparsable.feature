This line is not Gherkin.
Feature: Unparsable

  Scenario: Never seen
    Given a fresh journal
