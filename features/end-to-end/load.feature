@end-to-end
Feature: Traffic under load — การรับส่งภายใต้ปริมาณงาน
  Checklist group F, item F7.

  Background:
    Given the system under test and the peer agency are connected to the hub

  @req:F7 @must @role:sender @role:receiver
  Scenario: F7 Two-way traffic under load — รับส่งสองทางภายใต้ปริมาณงาน
    When 20 letters travel each way, interleaved with their acknowledgements and receipt numbers
    Then every letter of the exchange reached its final state exactly once
    And no queue item of either party is left undeleted
    And no request in this scenario broke a MUST rule
