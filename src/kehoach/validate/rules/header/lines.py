"""The header's and signature's lines as patterns: motto, the Party's name, number, place-date, type,
signer, recipients, and the "Kính gửi:" a plan should not have; HEAD, how far from the top the header
is looked for."""

from __future__ import annotations

import regex as re

HEAD = 40  # the header lives in the first paragraphs

MOTTO = re.compile(r"c[ộô]ng\s+h[òo]à?a?\s+x[ãa]\s+h[ộô]i\s+ch[ủu]\s+ngh[ĩi]a\s+vi[ệe]t\s+nam", re.I)
SLOGAN = re.compile(r"đ[ộo]c\s+l[ậa]p\s*[-–—]\s*t[ựu]\s+do\s*[-–—]\s*h[ạa]nh\s+ph[úu]c", re.I)
# the Party's name heading a Party committee's document in place of the Quốc hiệu and Tiêu ngữ
# (Hướng dẫn 36-HD/VPTW), whose number reads "Số 12-KH/ĐU"
PARTY = re.compile(r"^\W*đ[ảa]ng\s+c[ộô]ng\s+s[ảa]n\s+vi[ệe]t\s+nam\W*$", re.I)
NUMBER_LINE_ANY = re.compile(r"^\s*Số\s*(?::\s*|[.]?\s*(?=[\d\s]*/))[\d\s]*/?\s*[^\W\d_]*", re.I)
DATE_LINE = re.compile(r"(?:^|,)\s*ngày\s+[\d\s./]*tháng\s+[\d\s./]*năm\s*\d*", re.I)
DATE_PARTS = re.compile(r"ngày\s+([\d\s./]*?)\s*tháng\s+([\d\s./]*?)\s*năm\s*(\d*)", re.I)
TYPE_LINE = re.compile(r"^\s*KẾ\s+HOẠCH\b")
AUTHORITY = re.compile(r"(?:^|\s)(?:T/?M|KT|Q|TL|TUQ)\.\s*[A-ZĐÀ-Ỹ]")
RECIPIENTS = re.compile(r"^\s*Nơi\s+nhận\s*:?", re.I)
ARCHIVE = re.compile(r"^\s*[-–+•]?\s*Lưu\s*:?\s*(?:VT|VP|văn\s+thư|văn\s+phòng)", re.I)  # "- Lưu Văn phòng Đảng ủy."
ADDRESSEE = re.compile(r"^\s*Kính\s+gửi\s*:", re.I)
