@sender
Feature: Withdrawing and resending — การขอลบหนังสือเพื่อส่งใหม่
  Checklist group C, the system under test as sender (ต้นทาง), items C17–C19 (manual 3.2.13).

  Background:
    Given the system under test and the peer agency are connected to the hub

  @req:C17 @must @role:sender @manual-capable
  Scenario: C17 Withdraw and resend after a rejection — ขอลบหนังสือและส่งใหม่หลังถูกปฏิเสธ
    Given the peer agency has rejected a standard letter from the system under test
    When the operator corrects the letter and sends it again
    Then the system under test first withdraws the original letter with its number, date, own code and the peer agency's code
    And then the hub accepts the corrected letter with a new ProcessID

  @req:C18 @must @role:sender @manual-capable
  Scenario: C18 Resend without withdrawing first — ส่งใหม่โดยไม่ขอลบหนังสือเดิม
    Given the peer agency has rejected a standard letter from the system under test
    When the operator tries to send the same letter again as a new letter
    Then the system under test withdraws before sending, refuses, or shows the hub's error "E300"
    And the system under test never reports a letter the hub refused as sent

  @req:C19 @must @role:sender @manual-capable
  Scenario: C19 Withdrawal refused for a registered letter — การขอลบหนังสือถูกปฏิเสธ
    Given the peer agency has registered a standard letter from the system under test
    When the operator tries to withdraw the letter
    Then the system under test refuses the withdrawal, or shows the hub's error "E320"
    And the system under test still shows the peer agency's receipt number for the letter
