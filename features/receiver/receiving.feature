@receiver
Feature: Receiving from the queue — การรับหนังสือจากคิว
  Checklist group D, the system under test as receiver (ปลายทาง), items D1–D4 and D12–D15
  (manual 3.2.7, 3.2.12, 3.2.14; FAQ step 3). The queue is pulled non-destructively: an item stays until it is
  deleted with its exact ProcessID.

  Background:
    Given the system under test and the peer agency are connected to the hub

  @req:D1 @must @role:receiver @manual-capable
  Scenario: D1 Empty queue — คิวว่าง
    Given the queue of the system under test is empty
    When the operator fetches the inbox of the system under test
    Then the system under test sent an empty pull request
    And the system under test sent no delete request in this scenario
    And the system under test has no new inbound letter

  @req:D2 @must @role:receiver @manual-capable
  Scenario: D2 Receive a letter — รับหนังสือภายนอก
    Given the peer agency sends the system under test a letter with two references, two enclosures and Thai text with "&"
    When the operator fetches the inbox of the system under test
    Then the system under test stores the received letter and deletes it from its queue
    And the system under test stores the letter's number, date, subject, codes and references as sent
    And the files the system under test stored are byte-identical to what the peer agency sent

  @req:D3 @must @role:receiver @manual-capable
  Scenario: D3 Delete only after persisting — ลบออกจากคิวหลังบันทึกแล้วเท่านั้น
    Given the peer agency sends the system under test a standard letter
    And the hub fails the next delete request of the system under test
    When the operator fetches the inbox of the system under test
    And the operator fetches the inbox of the system under test
    Then the system under test stores the received letter and deletes it from its queue
    And the system under test holds the letter only once
    Given the hub places in the queue of the system under test a letter larger than the system under test can store
    When the operator fetches the inbox of the system under test
    Then the system under test sent no delete for the letter it could not store

  @req:D4 @must @role:receiver @role:sender @manual-capable
  Scenario: D4 Drain a mixed queue — รับคิวที่มีหลายประเภทจนหมด
    Given the hub fills the queue of the system under test with a letter, an acknowledgement, another letter and a rejection
    When the operator fetches the inbox of the system under test
    Then the system under test pulled and deleted the 4 queue items in order
    And the last pull of the system under test found the queue empty

  @req:D12 @must @role:receiver @manual-capable
  Scenario: D12 Unusual but legal content — หนังสือที่มีเนื้อหาแปลกแต่ถูกต้อง
    Given the peer agency sends the system under test a letter with a 250-character Thai subject, empty receiver names, placeholder references and enclosures, a 15 MB PDF enclosure and a SendDate without time
    When the operator fetches the inbox of the system under test
    Then the system under test stores the received letter
    And the system under test stores the 250-character subject unchanged
    And the system under test ignores the placeholders and keeps only the real enclosure

  @req:D13 @must @role:receiver @manual-capable
  Scenario Outline: D13 Enclosure with an unsupported MIME type or bad base64 — สิ่งที่ส่งมาด้วยมีประเภทไฟล์ไม่รองรับหรือ base64 เสีย (<problem>)
    Given the hub places in the queue of the system under test a letter from the peer agency whose second enclosure <problem>
    When the operator fetches the inbox of the system under test
    Then the system under test deleted the letter from its queue and fetched it only once
    And the system under test does not crash and keeps processing its queue

    Examples:
      | problem                                  |
      | has the MIME type "application/x-unknown" |
      | is not valid base64                      |

  @req:D14 @should @role:receiver @manual-capable
  Scenario: D14 Classified letter handling — การจัดการหนังสือชั้นความลับ
    Given the peer agency sends the system under test a letter classified "ลับมาก" with urgency "ด่วนที่สุด"
    When the operator fetches the inbox of the system under test
    Then the system under test stores the received letter
    And the system under test shows the received letter as "ลับมาก" and "ด่วนที่สุด"

  @req:D15 @must @role:receiver @manual-capable
  Scenario: D15 Notifier before the letter was pulled — หนังสือแจ้งมาถึงก่อนที่ระบบจะรับหนังสือ
    Given the hub places in the queue of the system under test a wrong-receipt-number notice for a letter it never received
    And the peer agency sends the system under test a standard letter
    When the operator fetches the inbox of the system under test
    Then the system under test deleted the unknown notice, or deliberately kept it without blocking the queue
    And the system under test stores the received letter and deletes it from its queue
