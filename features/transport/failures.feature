@transport
Feature: When the hub fails — เมื่อศูนย์กลางขัดข้อง
  Checklist group A (items A6–A8). The hub is made to fail on purpose; a correct saraban system reports the failure,
  never pretends a letter was sent, and never creates duplicates or phantom records. A6's hang is the hard case of
  real life: the hub takes the letter but its answer never arrives, so only asking the hub settles what happened.

  Background:
    Given the system under test and the peer agency are connected to the hub

  @req:A6 @must @role:sender @role:receiver @manual-capable
  Scenario: A6 Hub unavailable or timing out — ศูนย์กลางไม่พร้อมให้บริการหรือหมดเวลา
    Given the hub answers the next request of the system under test with HTTP 503
    When the operator tries to send a standard letter to the peer agency
    Then the system under test reports the failure and does not show the letter as sent
    Given the hub takes the next letter of the system under test but hangs beyond the system's timeout, so the answer is lost
    When the operator sends the same letter again
    Then the system under test reports the failure, or shows the letter as sent only after the hub confirmed it
    Given the hub has recovered
    When the operator sends the same letter again
    Then the system under test did not submit the letter again after the hub refused it as a duplicate
    And exactly one letter with this number and date is active at the hub
    And the retry succeeds and the system under test shows the letter as sent

  @req:A7 @must @role:sender @role:receiver @manual-capable
  Scenario: A7 Malformed hub response — คำตอบจากศูนย์กลางผิดรูปแบบ
    Given the peer agency sends the system under test a standard letter
    And the hub answers the next pull of the system under test with a body that is not XML
    When the operator fetches the inbox of the system under test
    Then the system under test sent no delete request after the malformed answer
    And the system under test has not recorded the letter
    And the system under test created no inbound record from the malformed answer
    When the operator fetches the inbox of the system under test
    Then the system under test stores the received letter

  @req:A8 @must @role:sender @role:receiver @manual-capable
  Scenario: A8 ErrorDetail handling, single and multiple — การจัดการ ErrorDetail ทั้งรายการเดียวและหลายรายการ
    Given the hub answers the next letter of the system under test with the errors "E120" and "E210"
    When the operator tries to send a standard letter to the peer agency
    Then the system under test shows the hub's errors "E120" and "E210"
    And the system under test does not show the letter as sent
