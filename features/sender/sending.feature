@sender
Feature: Sending letters — การส่งหนังสือภายนอก
  Checklist group C, the system under test as sender (ต้นทาง), items C1–C11 (manual 3.2.1, FAQ steps 1–2).

  Background:
    Given the system under test and the peer agency are connected to the hub

  @req:C1 @must @role:sender @manual-capable
  Scenario: C1 Send a minimal valid letter — ส่งหนังสือที่ถูกต้องขั้นต่ำ
    When the operator sends a standard letter to the peer agency
    Then the hub receives exactly one letter from the system under test for the peer agency
    And the letter breaks no MUST rule of the protocol
    And wsa:To of the letter is the peer agency's endpoint
    And the receiver of the letter is the peer agency's organisation code
    And the system under test shows the letter as sent with the ProcessID the hub returned

  @req:C2 @must @role:sender @manual-capable
  Scenario: C2 Full letter with references and several enclosures — หนังสือครบถ้วน มีอ้างถึงและสิ่งที่ส่งมาด้วยหลายรายการ
    When the operator sends a letter to the peer agency with two references and three enclosures (PDF, DOCX and JPG)
    Then the hub accepts the letter from the system under test
    And the letter carries the two references in the operator's order
    And the letter carries the three enclosures in the operator's order with their MIME types
    And every file of the letter decodes to exactly the bytes the operator attached

  @req:C3 @must @role:sender @manual-capable
  Scenario Outline: C3 Classification and urgency mapping — การแปลงชั้นความลับและชั้นความเร็วเป็นรหัส (<secret> / <speed>)
    When the operator sends a letter to the peer agency classified "<secret>" with urgency "<speed>"
    Then the letter carries SecretCode "<secret code>" and SpeedCode "<speed code>"

    Examples:
      | secret    | speed      | secret code | speed code |
      | ปกติ      | ปกติ       | 001         | 001        |
      | ลับ       | ด่วน       | 002         | 002        |
      | ลับมาก    | ด่วนมาก    | 003         | 003        |
      | ลับที่สุด | ด่วนที่สุด | 004         | 004        |

  @req:C4 @must @role:sender @manual-capable
  Scenario: C4 Date handling with Buddhist Era input — การจัดการวันที่ที่ป้อนเป็นพุทธศักราช
    When the operator sends a letter to the peer agency dated "11 มิ.ย. 2567"
    Then the CorrespondenceDate of the letter is "2024-06-11"
    And the SendDate of the letter is a Gregorian yyyy-MM-ddTHH:mm:ss close to the time of sending

  @req:C5 @must @role:sender @manual-capable
  Scenario: C5 The cover letter is mandatory — ต้องมีหนังสือนำทุกครั้ง
    When the operator tries to send a letter to the peer agency without a cover letter
    Then the system under test refuses the letter before anything reaches the hub
    And the system under test does not show the letter as sent

  @req:C6 @must @role:sender @manual-capable
  Scenario Outline: C6 A cover letter that is not a PDF or is empty — หนังสือนำไม่ใช่ PDF หรือเสียหาย (<case>)
    When the operator tries to send a letter to the peer agency whose cover letter is <case>
    Then the system under test refuses the letter, or shows the hub's rejection
    And the system under test does not show the letter as sent

    Examples:
      | case                        |
      | a text file renamed to .pdf |
      | an empty PDF file           |

  @req:C7 @must @role:sender @manual-capable
  Scenario: C7 Unknown receiver — ผู้รับที่ศูนย์กลางไม่รู้จัก
    Given the directory of the system under test still lists organisation "9900999000", which the hub does not know
    When the operator tries to send a standard letter to organisation "9900999000"
    Then the system under test refuses the letter, or shows the hub's error "E210"
    And the system under test does not show the letter as sent

  @req:C8 @must @role:sender @manual-capable
  Scenario: C8 No schema violation in what the system sends — ข้อความที่ระบบส่งต้องถูกโครงสร้าง
    Given the system under test has received a letter from the peer agency
    When the operator acknowledges the letter
    And the operator sends a standard letter to the peer agency
    Then no request of the system under test in this scenario breaks the rules "R-SEND-1, R-NTF-1, R-ENV-5"

  @req:C9 @must @role:sender @manual-capable
  Scenario: C9 The hub rejects the letter with a business error — ศูนย์กลางปฏิเสธหนังสือด้วยข้อผิดพลาดทางธุรกิจ
    Given the hub rejects the next letter of the system under test with "E120"
    When the operator tries to send a standard letter to the peer agency
    Then the system under test shows the hub's error "E120"
    And the system under test does not show the letter as sent
    When the operator sends the same letter again
    Then the hub accepts the letter from the system under test
    And the system under test shows the letter as sent with the ProcessID the hub returned

  @req:C10 @must @role:sender @manual-capable
  Scenario: C10 Duplicate send — การส่งหนังสือซ้ำ
    Given the system under test has sent a standard letter to the peer agency
    When the operator tries to send another letter with the same number and date to the peer agency
    Then the system under test refuses the letter, or shows the hub's error "E300"
    And exactly one letter with this number and date is active at the hub

  @req:C11 @must @role:sender @manual-capable
  Scenario: C11 Circular letter to several receivers — หนังสือเวียนถึงผู้รับหลายราย
    When the operator sends one circular letter to the peer agency and the second peer agency
    Then the hub receives one letter for each receiver, each with its own wsa:To, receiver and ProcessID
    When both peer agencies pull and acknowledge the letter
    And the operator fetches the inbox of the system under test
    Then the system under test shows the letter as received by each peer agency separately
