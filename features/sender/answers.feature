@sender
Feature: Answers to the letters the system sent — การรับหนังสือตอบรับและหนังสือแจ้ง
  Checklist group C, the system under test as sender (ต้นทาง), items C12–C16 and C20–C22
  (manual 3.2.6, 3.2.8–3.2.11, 3.2.14; FAQ steps 5–6).

  Background:
    Given the system under test and the peer agency are connected to the hub

  @req:C12 @must @role:sender @manual-capable
  Scenario: C12 Receive the acknowledgement — การรับหนังสือตอบรับ
    Given the system under test has sent a standard letter to the peer agency
    And the peer agency has pulled the letter
    When the peer agency acknowledges the letter
    And the operator fetches the inbox of the system under test
    Then the system under test deleted the acknowledgement with its exact ProcessID
    And the system under test shows the letter as received by the peer agency

  @req:C13 @must @role:sender @manual-capable
  Scenario: C13 Receive the receipt number — การรับเลขทะเบียนรับ
    Given the system under test has sent a standard letter to the peer agency
    And the peer agency has pulled the letter
    And the peer agency has acknowledged the letter
    When the peer agency registers the letter under a new receipt number
    And the operator fetches the inbox of the system under test
    Then the system under test deleted the receipt-number notice with its exact ProcessID
    And the system under test shows the peer agency's receipt number for the letter

  @req:C14 @should @role:sender @manual-capable
  Scenario: C14 Receipt number without a prior acknowledgement — ได้รับเลขทะเบียนรับโดยไม่มีหนังสือตอบรับก่อน
    Given the system under test has sent a standard letter to the peer agency
    And the peer agency has pulled the letter
    When the peer agency registers the letter under a new receipt number without acknowledging it first
    And the operator fetches the inbox of the system under test
    Then the system under test shows the peer agency's receipt number for the letter

  @req:C15 @must @role:sender @manual-capable
  Scenario: C15 Rejection — กรณีผู้รับปฏิเสธหนังสือ
    Given the system under test has sent a standard letter to the peer agency
    And the peer agency has pulled the letter
    When the peer agency rejects the letter
    And the operator fetches the inbox of the system under test
    Then the system under test deleted the rejection notice with its exact ProcessID
    And the system under test shows the letter as "rejected" or "withdrawn"

  @req:C16 @must @role:sender @manual-capable
  Scenario: C16 Wrong letter reported by the receiver — กรณีผู้รับแจ้งหนังสือผิด
    Given the system under test has sent a standard letter to the peer agency
    And the peer agency has pulled the letter
    When the peer agency reports the letter as a wrong letter
    And the operator fetches the inbox of the system under test
    Then the system under test deleted the wrong-letter notice with its exact ProcessID
    And the system under test shows the letter as "invalid" or "withdrawn"

  @req:C20 @must @role:sender @manual-capable
  Scenario: C20 Wrong receipt number — แจ้งเลขทะเบียนรับผิด
    Given the peer agency has registered a standard letter from the system under test
    When the operator disputes the receipt number of the letter
    Then the system under test sends a wrong-receipt-number notice to the peer agency echoing the letter and the disputed number
    When the peer agency sends a corrected receipt number
    And the operator fetches the inbox of the system under test
    Then the system under test shows the peer agency's corrected receipt number for the letter

  @req:C21 @must @role:sender @manual-capable
  Scenario: C21 Notifier for a letter the system never sent — หนังสือแจ้งสำหรับหนังสือที่ไม่รู้จัก
    Given the hub places in the queue of the system under test a receipt-number notice for a letter it never sent
    And the peer agency sends the system under test a standard letter
    When the operator fetches the inbox of the system under test
    Then the system under test did not attach the unknown notice to any of its letters
    And the system under test deleted the unknown notice, or deliberately kept it without blocking the queue
    And the system under test stores the received letter and deletes it from its queue

  @req:C22 @must @role:sender @manual-capable
  Scenario: C22 Notifier whose subject differs slightly — หนังสือแจ้งที่ชื่อเรื่องต่างจากต้นฉบับ
    Given the system under test has sent a standard letter to the peer agency
    And the peer agency has pulled the letter
    When the peer agency acknowledges the letter with a trailing space added to the subject
    And the operator fetches the inbox of the system under test
    Then the system under test shows the letter as received by the peer agency
