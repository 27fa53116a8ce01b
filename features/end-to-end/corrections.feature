@end-to-end
Feature: Corrections between the two parties — การแก้ไขระหว่างผู้ส่งและผู้รับ
  Checklist group F: rejection and resend, wrong letter and wrong receipt number, played through in both roles.

  Background:
    Given the system under test and the peer agency are connected to the hub

  @req:F3 @must @role:sender @manual-capable
  Scenario: F3 Reject and resend with the system under test as sender — ปฏิเสธและส่งใหม่ ระบบที่ทดสอบเป็นผู้ส่ง
    Given the peer agency has rejected a standard letter from the system under test
    When the operator corrects the letter and sends it again
    Then the system under test first withdraws the original letter with its number, date, own code and the peer agency's code
    And then the hub accepts the corrected letter with a new ProcessID
    When the peer agency pulls the letter
    And the peer agency acknowledges the letter
    And the peer agency registers the letter under a new receipt number
    And the operator fetches the inbox of the system under test
    Then the system under test shows the peer agency's receipt number for the letter
    And the hub holds the original letter as withdrawn and the resent letter as registered
    And no request in this scenario broke a MUST rule
    And every queue item pulled in this scenario was deleted exactly once

  @req:F4 @must @role:receiver @manual-capable
  Scenario: F4 Reject and resend with the system under test as receiver — ปฏิเสธและส่งใหม่ ระบบที่ทดสอบเป็นผู้รับ
    Given the system under test has rejected a letter from the peer agency
    When the peer agency withdraws the letter and sends it again with the same number and date
    And the operator fetches the inbox of the system under test
    Then the system under test stores the resent letter and deletes it from its queue
    When the operator acknowledges the letter
    And the operator registers the letter
    And the peer agency collects its notifications
    Then the peer agency received an acknowledgement and then a receipt-number notice for the letter
    And no request in this scenario broke a MUST rule
    And every queue item pulled in this scenario was deleted exactly once

  @req:F5 @must @role:sender @role:receiver @manual-capable
  Scenario: F5 Wrong letter in both roles — แจ้งหนังสือผิด ทั้งสองบทบาท
    Given the system under test has sent a standard letter to the peer agency
    And the peer agency has pulled the letter
    When the peer agency reports the letter as a wrong letter
    And the operator fetches the inbox of the system under test
    Then the system under test shows the letter as "invalid" or "withdrawn"
    Given the system under test has received a letter from the peer agency
    When the operator reports the letter as a wrong letter
    And the peer agency collects its notifications
    Then the peer agency received a wrong-letter notice for the letter
    And the hub holds both letters as invalid or withdrawn
    And no request in this scenario broke a MUST rule

  @req:F6 @must @role:sender @role:receiver @manual-capable
  Scenario: F6 Wrong receipt number in both roles — แจ้งเลขทะเบียนรับผิด ทั้งสองบทบาท
    Given the peer agency has registered a standard letter from the system under test
    When the operator disputes the receipt number of the letter
    And the peer agency sends a corrected receipt number
    And the operator fetches the inbox of the system under test
    Then the system under test shows the peer agency's corrected receipt number for the letter
    Given the system under test has registered a letter from the peer agency
    When the peer agency disputes the receipt number
    And the operator fetches the inbox of the system under test
    And the operator registers the letter again under a corrected receipt number
    And the peer agency collects its notifications
    Then the peer agency received the corrected receipt number the system under test shows
    And no request in this scenario broke a MUST rule
