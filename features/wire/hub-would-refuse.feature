@wire
Feature: Traffic the hub would refuse — ข้อความที่ศูนย์กลางจะปฏิเสธ
  Checklist group E. Passive checks over every request the system under test made in this run (all of groups A–D
  and F when they ran before), after a complete exchange in each role so that every item has traffic to judge even
  when it runs alone. Each occurrence is reported with the offending request.

  Background:
    Given the system under test and the peer agency are connected to the hub
    And the system under test has taken part in a complete exchange in each role

  @req:E1 @must @role:sender @role:receiver @manual-capable
  Scenario: E1 No notifier sent by the wrong party — หนังสือแจ้งที่ส่งโดยผิดฝ่าย
    Then no notifier of the system under test in this run was sent by the wrong party
    And no request of the system under test in this run breaks the rules "R-NTF-ROLE"

  @req:E2 @must @role:sender @role:receiver @manual-capable
  Scenario: E2 No notifier that matches no letter — หนังสือแจ้งที่ไม่ตรงกับหนังสือใด
    Then every notifier of the system under test in this run names a letter between it and the counterpart
    And no request of the system under test in this run breaks the rules "R-NTF-ECHO"

  @req:E3 @must @role:sender @role:receiver @manual-capable
  Scenario: E3 No delete with a ProcessID never given to the system — ลบออกจากคิวด้วย ProcessID ที่ไม่เคยได้รับ
    Then every delete request of the system under test in this run names a ProcessID its own pulls returned
    And no request of the system under test in this run breaks the rules "R-DEL-1"

  @req:E4 @must @role:sender @role:receiver @manual-capable
  Scenario: E4 No letter in another organisation's name — หนังสือที่หน่วยงานผู้ส่งไม่ใช่ระบบที่ทดสอบ
    Then every letter of the system under test in this run names the system under test as sender
    And no request of the system under test in this run breaks the rules "R-SEND-8, R-ENV-4"

  @req:E5 @must @role:sender @role:receiver @manual-capable
  Scenario: E5 wsa:To consistent with the receiver or counterpart — wsa:To ไม่สอดคล้องกับผู้รับหรือคู่สื่อสาร
    Then wsa:To of every request of the system under test in this run names the right endpoint
    And no request of the system under test in this run breaks the rules "R-ENV-3"

  @req:E6 @must @role:sender @role:receiver @manual-capable
  Scenario: E6 No Buddhist-Era year in any date field — ปีพุทธศักราชในช่องวันที่
    Then no date field of the system under test in this run has a year of 2400 or later
    And no request of the system under test in this run breaks the rules "R-SEND-3"

  @req:E7 @must @role:sender @role:receiver @manual-capable
  Scenario: E7 Correct XML escaping and UTF-8 — อักขระพิเศษ XML ไม่ถูก escape หรือ UTF-8 ไม่ถูกต้อง
    Then every request of the system under test in this run is well-formed UTF-8 XML
    And no request of the system under test in this run breaks the rules "R-SEND-TXT, R-ENV-0"

  @req:E8 @must @role:sender @role:receiver @manual-capable
  Scenario: E8 Only codes from the served lists — รหัสนอกรายการที่ศูนย์กลางกำหนด
    Then every SecretCode, SpeedCode and mimeCode of the system under test in this run is in the hub's lists
    And no request of the system under test in this run breaks the rules "R-SEND-5, R-SEND-6, R-SEND-ATT"

  @req:E9 @must @role:sender @role:receiver @manual-capable
  Scenario: E9 SOAP 1.1 with unqualified wrappers and notifier fields — ซอง SOAP 1.2 หรือเนมสเปซผิดที่
    Then every request of the system under test in this run is SOAP 1.1 with unqualified wrappers and notifier fields
    And no request of the system under test in this run breaks the rules "R-ENV-5, R-ENV-7"

  @req:E10 @should @role:sender @role:receiver
  Scenario: E10 No polling abuse — การดึงคิวถี่เกินไป
    Then no polling cycle of the system under test in this run pulled an empty queue more than once
    And the system under test should not pull an empty queue more than 12 times a minute
