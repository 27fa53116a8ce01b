@transport
Feature: Transport, envelope and connectivity — การรับส่ง ซองข้อความ และการเชื่อมต่อ
  Checklist group A (items A1–A5). The system under test talks SOAP 1.1 over HTTP to its own e-CMS endpoint on
  the fake hub; every request it makes is captured with its raw bytes and checked.

  Background:
    Given the system under test and the peer agency are connected to the hub

  @req:A1 @must @role:sender @role:receiver @manual-capable
  Scenario: A1 Connects to its own endpoint — เชื่อมต่อกับจุดบริการ e-CMS ของหน่วยงานตนเอง
    When the operator fetches the inbox of the system under test
    And the operator sends a standard letter to the peer agency
    Then every request of the system under test in this scenario was posted to its own endpoint
    And no request in this scenario reached the peer agency's endpoint except the peer agency's own

  @req:A2 @must @role:sender @role:receiver @manual-capable
  Scenario: A2 SOAP 1.1 envelope, UTF-8, Thai text intact — ซอง SOAP 1.1 รหัส UTF-8 และข้อความภาษาไทยครบถ้วน
    When the operator sends a letter to the peer agency with the subject "ขอเชิญประชุมคณะทำงาน ครั้งที่ ๓/๒๕๖๗ & ติดตามผลการดำเนินงาน"
    Then the letter reached the hub in a SOAP 1.1 envelope with exactly one body child
    And the hub decodes the subject exactly as the operator typed it
    And the ampersand in the subject arrived escaped

  @req:A3 @must @role:sender @role:receiver @manual-capable
  Scenario: A3 WS-Addressing headers — ส่วนหัว WS-Addressing
    Given the peer agency sends the system under test a standard letter
    When the operator fetches the inbox of the system under test
    And the operator acknowledges the letter
    And the operator sends a standard letter to the peer agency
    Then the system under test made at least 5 requests of at least 4 different operations in this scenario
    And every request of the system under test in this scenario carries a non-empty wsa:MessageID, unique in this scenario
    And every request of the system under test in this scenario carries wsa:To in the WS-Addressing 1.0 namespace
    And wsa:To names the counterpart for letters and notifiers and the system's own endpoint otherwise

  @req:A4 @must @role:sender @role:receiver @manual-capable
  Scenario: A4 Namespace discipline — การใช้เนมสเปซถูกต้อง
    Given the system under test has received a letter from the peer agency
    When the operator acknowledges the letter
    And the operator sends a standard letter to the peer agency
    Then the operation wrappers and notifier fields of the system under test are unqualified
    And the letter of the system under test is in the GovernmentDocument 1.0 and RABIE 1 namespaces
    And the letter of the system under test should use the literal prefixes rsm and ram

  @req:A5 @must @role:sender @role:receiver @manual-capable
  Scenario: A5 No dependence on SOAPAction, tolerance of the hub's response style — ไม่พึ่งพา SOAPAction และรองรับรูปแบบคำตอบของศูนย์กลาง
    Given the hub answers in compact form with the duplicate "env" declaration of the SOAP namespace and a bare text/xml Content-Type
    And the peer agency sends the system under test a standard letter
    When the operator sends a standard letter to the peer agency
    And the operator fetches the inbox of the system under test
    Then the hub accepts the letter from the system under test
    And the system under test shows the letter as sent with the ProcessID the hub returned
    And the system under test stores the received letter
