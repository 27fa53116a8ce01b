Feature: Pending step

  Scenario: A pending step is an error
    Given a step that is still pending
