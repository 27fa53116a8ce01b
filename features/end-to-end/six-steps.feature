@end-to-end
Feature: The six steps of an exchange — การรับส่งหนังสือครบ 6 ขั้นตอน
  Checklist group F, the certifier's happy paths mirroring the official FAQ. Besides each step's own expectation,
  no request breaks a MUST rule and every queue item pulled by either party is deleted exactly once.

  Background:
    Given the system under test and the peer agency are connected to the hub

  @req:F1 @must @role:sender @manual-capable
  Scenario: F1 Full cycle with the system under test as sender — ครบวงจร ระบบที่ทดสอบเป็นผู้ส่ง
    When the operator sends a standard letter to the peer agency
    Then the hub accepts the letter from the system under test
    When the peer agency pulls the letter
    And the peer agency acknowledges the letter
    And the peer agency registers the letter under a new receipt number
    And the operator fetches the inbox of the system under test
    Then the system under test shows the peer agency's receipt number for the letter
    And no request in this scenario broke a MUST rule
    And every queue item pulled in this scenario was deleted exactly once

  @req:F2 @must @role:receiver @manual-capable
  Scenario: F2 Full cycle with the system under test as receiver — ครบวงจร ระบบที่ทดสอบเป็นผู้รับ
    Given the peer agency sends the system under test a standard letter
    When the operator fetches the inbox of the system under test
    Then the system under test stores the received letter and deletes it from its queue
    When the operator acknowledges the letter
    And the operator registers the letter
    And the peer agency collects its notifications
    Then the peer agency received an acknowledgement and then a receipt-number notice for the letter
    And the receipt number the peer agency received is the one the system under test shows
    And no request in this scenario broke a MUST rule
    And every queue item pulled in this scenario was deleted exactly once
