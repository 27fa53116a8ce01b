Feature: Failing AfterScenario hook

  @after-hook-fails
  Scenario: Passing steps with a failing AfterScenario hook
    Given a fresh journal
