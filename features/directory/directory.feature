@directory
Feature: Directory and utility services — บริการทะเบียนหน่วยงานและบริการเสริม
  Checklist group B. A saraban system takes organisations, ministries, code lists and file types from the hub
  (manual 3.3.x / 6.x) instead of hard-coding them.

  Background:
    Given the system under test and the peer agency are connected to the hub

  @req:B1 @should @role:directory @manual-capable
  Scenario: B1 Organisation directory — ทะเบียนหน่วยงานในระบบเชื่อมโยง
    When the operator refreshes the directory of the system under test
    Then the system under test requests the organisation list from its own endpoint
    When the operator sends a standard letter to the peer agency
    Then the letter is addressed to the endpoint and organisation code the hub lists for the peer agency

  @req:B2 @should @role:directory @manual-capable
  Scenario: B2 Ministry list — รหัสกระทรวง
    When the operator refreshes the directory of the system under test
    Then the system under test requests the ministry list from its own endpoint
    When the operator sends a standard letter to the peer agency
    Then the ministry codes of the letter are the first two digits of the organisation codes

  @req:B3 @should @role:directory @manual-capable
  Scenario: B3 Secret and speed code lists — รหัสชั้นความลับและชั้นความเร็ว
    When the operator refreshes the directory of the system under test
    Then the system under test requests the secret code list and the speed code list from its own endpoint
    When the operator sends a letter to the peer agency classified "ลับ" with urgency "ด่วน"
    Then every secret and speed code the system under test sent in this scenario is one the hub serves

  @req:B4 @should @role:directory @manual-capable
  Scenario: B4 MIME types — รหัสประเภทไฟล์
    Given the hub serves a MIME type list without "image/webp"
    When the operator refreshes the directory of the system under test
    Then the system under test requests the MIME type list from its own endpoint
    When the operator tries to send a letter to the peer agency with a WebP enclosure
    Then the system under test refuses the WebP enclosure, or shows the hub's rejection
    And the hub accepted no letter with a WebP enclosure in this scenario

  @req:B5 @should @role:sender @manual-capable @manual-only
  Scenario: B5 Outbound status — สถานะการส่งหนังสือ
    Given the system under test has sent a standard letter to the peer agency
    And the peer agency has pulled the letter
    And the system under test has sent a standard letter to the peer agency
    When the operator opens the outbound status page of the system under test
    Then the system under test requests the outbound status from its own endpoint
    And the operator confirms that the system under test shows a status for each letter

  @req:B6 @should @role:directory @manual-capable @manual-only
  Scenario: B6 Time check — การตรวจสอบเวลา
    Given the hub clock is 7 minutes ahead
    When the operator runs the time check of the system under test
    Then the system under test requests the hub time from its own endpoint
    And the operator confirms that the system under test shows the hub time and flags the difference
