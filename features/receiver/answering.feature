@receiver
Feature: Answering the sender — การตอบกลับผู้ส่ง
  Checklist group D, the system under test as receiver (ปลายทาง), items D5–D11
  (manual 3.2.2–3.2.5, 3.2.12, 3.2.13; FAQ step 4).

  Background:
    Given the system under test and the peer agency are connected to the hub

  @req:D5 @must @role:receiver @manual-capable
  Scenario: D5 Acknowledge receipt — ส่งหนังสือตอบรับ
    Given the system under test has received a letter from the peer agency with two references, two enclosures and Thai text with "&"
    When the operator acknowledges the letter
    Then the system under test sends a receipt acknowledgement echoing the letter's number, date and subject
    And the notifier is addressed to the peer agency's endpoint and posted to the system's own endpoint
    And the hub accepts the notifier

  @req:D6 @must @role:receiver @manual-capable
  Scenario: D6 Register and send the receipt number — ลงทะเบียนรับและแจ้งเลขทะเบียนรับ
    Given the system under test has received and acknowledged a letter from the peer agency
    When the operator registers the letter
    Then the system under test sends a receipt-number notice carrying the receipt number it shows
    And the hub accepts the notifier

  @req:D7 @must @role:receiver @manual-capable
  Scenario: D7 Duplicate receipt number — เลขทะเบียนรับซ้ำ
    Given the system under test has registered a letter from the peer agency
    And the system under test has received and acknowledged a letter from the peer agency
    When the operator tries to register the letter under the receipt number of the earlier letter
    Then the system under test refuses the duplicate receipt number, or shows the hub's error
    And the hub accepted no second receipt-number notice with that number

  @req:D8 @must @role:receiver @manual-capable
  Scenario: D8 Reject a letter — ปฏิเสธหนังสือ
    Given the system under test has received a letter from the peer agency
    When the operator rejects the letter
    Then the system under test sends a rejection notice echoing the letter's number, date and subject
    And the system under test shows the received letter as "rejected"
    When the operator tries to register the letter
    Then the hub accepted no receipt-number notice for the letter

  @req:D9 @must @role:receiver @manual-capable
  Scenario: D9 Report a wrong letter — แจ้งหนังสือผิด
    Given the system under test has received a letter from the peer agency
    When the operator reports the letter as a wrong letter
    Then the system under test sends a wrong-letter notice echoing the letter's number, date and subject
    And the system under test shows the received letter as "reported-invalid"

  @req:D10 @must @role:receiver @manual-capable
  Scenario: D10 Receive a wrong-receipt-number notice — ได้รับแจ้งเลขทะเบียนรับผิด
    Given the system under test has registered a letter from the peer agency
    When the peer agency disputes the receipt number
    And the operator fetches the inbox of the system under test
    Then the system under test deleted the wrong-receipt-number notice with its exact ProcessID
    And the system under test shows the received letter as "accept-id-disputed"
    When the operator registers the letter again under a corrected receipt number
    Then the system under test sends a receipt-number notice with a different receipt number

  @req:D11 @must @role:receiver @manual-capable
  Scenario: D11 Letter resent after the sender withdrew it — หนังสือที่ส่งใหม่หลังผู้ส่งขอลบ
    Given the system under test has rejected a letter from the peer agency
    When the peer agency withdraws the letter and sends it again with the same number and date
    And the operator fetches the inbox of the system under test
    Then the system under test stores the resent letter and deletes it from its queue
    When the operator acknowledges the letter
    And the operator registers the letter
    Then the hub accepts the receipt-number notice for the resent letter
