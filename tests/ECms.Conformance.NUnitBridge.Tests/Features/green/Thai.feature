# language: th
@sample @req:S3
ความต้องการทางธุรกิจ: ภาษาไทย

  เหตุการณ์: ส่งหนังสือราชการ
    กำหนดให้ a fresh journal
    เมื่อ the journal records "ส่งแล้ว"
    ดังนั้น the journal reads "ส่งแล้ว"
