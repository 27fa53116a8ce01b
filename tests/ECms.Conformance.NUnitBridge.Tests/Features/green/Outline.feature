@sample @req:S2
Feature: Scenario outlines
  Every example row is a test of its own.

  Scenario Outline: Adding <a> and <b> gives <sum>
    Given the number <a>
    When I add <b>
    Then the result is <sum>

    Examples: small
      | a | b | sum |
      | 1 | 2 | 3   |
      | 2 | 2 | 4   |

    @big
    Examples: big
      | a   | b   | sum  |
      | 500 | 500 | 1000 |
