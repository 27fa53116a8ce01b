@sample @req:S1
Feature: Basics
  Plain scenarios, backgrounds, doc strings, data tables, rules and @ignore.

  Background:
    Given a fresh journal
    And the journal records "background"

  @must
  Scenario: Background steps run before the scenario's own steps
    When the journal records "scenario"
    Then the journal reads "background, scenario"

  Scenario: A doc string reaches the step
    When the journal records the text
      """
      first line
      second line
      """
    Then the last entry has 2 lines

  Scenario: A data table reaches the step
    When the journal records the rows
      | entry |
      | one   |
      | two   |
    Then the journal reads "background, one, two"

  @ignore
  Scenario: An ignored scenario is not run
    Then this step fails if it runs

  Rule: A rule adds its own background
    Background:
      Given the journal records "rule"

    @should
    Scenario: The rule background runs after the feature background
      Then the journal reads "background, rule"
