"""Page and type (Nghị định 30, Phụ lục I): A4, margins, Times New Roman 13–14 pt.

Only DOCX (and PDF, where measurable) carry these facts; the rules skip silently when the
parser could not tell (text exports, scans).
"""

from __future__ import annotations

from collections.abc import Iterator

from ...blocks import PageSetup, SourceInfo
from ...models import Finding, Location, Plan
from ..config import Config
from ..registry import rule
from ..util import document

A4 = (210.0, 297.0)
SIZE_TOLERANCE = 2.0  # mm
MARGINS = {  # mm, (min, max)
    "top": (20.0, 25.0),
    "bottom": (20.0, 25.0),
    "left": (30.0, 35.0),
    "right": (15.0, 20.0),
}
MARGIN_TOLERANCE = 0.6  # mm: Word stores twips, PDFs round
FONT = "times new roman"
FONT_SIZES = (13.0, 14.0)

MESSAGES = {
    "size": {
        "vi": "khổ giấy {width:.0f} × {height:.0f} mm, không phải A4 (210 × 297 mm){where}",
        "en": "page size {width:.0f} × {height:.0f} mm is not A4 (210 × 297 mm){where}",
    },
    "margin": {
        "vi": "lề {side} {value:.1f} mm nằm ngoài khoảng {lo:.0f}–{hi:.0f} mm{where}",
        "en": "{side} margin {value:.1f} mm is outside {lo:.0f}–{hi:.0f} mm{where}",
    },
    "font": {
        "vi": 'phông chữ nội dung là "{font}", phải là Times New Roman',
        "en": 'the body font is "{font}"; it must be Times New Roman',
    },
    "font_size": {
        "vi": "cỡ chữ nội dung {size:g} pt, phải từ 13 đến 14 pt",
        "en": "the body text is {size:g} pt; it must be 13–14 pt",
    },
}
SIDES = {
    "vi": {"top": "trên", "bottom": "dưới", "left": "trái", "right": "phải"},
    "en": {"top": "top", "bottom": "bottom", "left": "left", "right": "right"},
}


def _source(plan: Plan) -> SourceInfo | None:
    doc = document(plan)
    return doc.source if doc is not None else None


def _where(setup: PageSetup, n: int, total: int, lang: str) -> str:
    if total <= 1:
        return ""
    if setup.first_page:
        return f" ({'trang' if lang == 'vi' else 'page'} {setup.first_page})"
    return f" ({'phần' if lang == 'vi' else 'section'} {n})"


def _loc(setup: PageSetup) -> Location | None:
    return Location(page=setup.first_page) if setup.first_page else None


@rule(
    "page-size",
    "KH801",
    "warning",
    plans_only=False,
    summary={"vi": "khổ giấy không phải A4", "en": "the page is not A4"},
    doc_vi="""page-size (KH801, cảnh báo): trang giấy khổ A4, 210 × 297 mm (cho phép trang nằm ngang).

      Đọc từ thiết lập trang (section) của tệp DOCX hoặc khung trang của tệp PDF, sai số trong phạm
      vi 2 mm. Trang A4 nằm ngang được chấp nhận (cho bảng rộng và phụ lục). Tệp văn bản thuần không
      có thông tin về trang nên không kiểm tra.
      """,
)
def page_size(plan: Plan, config: Config) -> Iterator[Finding]:
    """page-size (KH801, warning): pages are A4, 210 × 297 mm (landscape allowed).

    Read from the DOCX section settings or the PDF page boxes, within 2 mm. Landscape A4 is
    accepted (wide tables and appendices). Text files carry no page facts: nothing to check.

    PASS (facts)::

        format: docx
        page: 210 x 297
        margins: 20 20 30 15

    FAIL (facts)::

        format: docx
        page: 215.9 x 279.4
        margins: 20 20 30 15
    """
    source = _source(plan)
    if source is None:
        return
    setups = [(s, s.width_mm, s.height_mm) for s in source.page_setups if s.width_mm and s.height_mm]
    for n, (s, width, height) in enumerate(setups, 1):
        dims = sorted((width, height))
        if abs(dims[0] - A4[0]) > SIZE_TOLERANCE or abs(dims[1] - A4[1]) > SIZE_TOLERANCE:
            yield page_size.finding(
                config,
                MESSAGES["size"],
                location=_loc(s),
                width=width,
                height=height,
                where=_where(s, n, len(setups), config.lang),
            )


@rule(
    "page-margins",
    "KH802",
    "warning",
    plans_only=False,
    summary={
        "vi": "lề trang ngoài khoảng Nghị định 30 (trên, dưới 20–25; trái 30–35; phải 15–20 mm)",
        "en": "margins outside Decree 30 (top/bottom 20–25, left 30–35, right 15–20 mm)",
    },
    doc_vi="""page-margins (KH802, cảnh báo): lề trên, lề dưới 20–25 mm; lề trái 30–35 mm; lề phải 15–20 mm.

      Với phần trang nằm ngang, cạnh dài ở phía trên nên lề đóng gáy (lề trái) được đọc ở phía trên
      và quy định được áp dụng như khi in. Mỗi cạnh lề nằm ngoài giới hạn được báo một lần cho mỗi
      kiểu thiết lập trang khác nhau.
      """,
)
def page_margins(plan: Plan, config: Config) -> Iterator[Finding]:
    """page-margins (KH802, warning): top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm.

    For a landscape section the long edge is on top, so the binding (left) margin is read
    from the top and the rules are applied as printed. Each out-of-range side is reported
    once per distinct page setup.

    PASS (facts)::

        format: docx
        page: 210 x 297
        margins: 20 20 30 15

    FAIL (facts)::

        format: docx
        page: 210 x 297
        margins: 25.4 25.4 25.4 25.4
    """
    source = _source(plan)
    if source is None:
        return
    setups = source.page_setups
    seen: set[tuple] = set()
    for n, s in enumerate(setups, 1):
        landscape = s.orientation == "landscape" or (s.width_mm and s.height_mm and s.width_mm > s.height_mm)
        values = {
            "top": s.margin_top_mm,
            "bottom": s.margin_bottom_mm,
            "left": s.margin_left_mm,
            "right": s.margin_right_mm,
        }
        if landscape:
            continue  # appendix pages: the decree does not fix landscape margins
        for side, value in values.items():
            if value is None:
                continue
            lo, hi = MARGINS[side]
            if value < lo - MARGIN_TOLERANCE or value > hi + MARGIN_TOLERANCE:
                mark = (side, round(value, 1))
                if mark in seen:
                    continue
                seen.add(mark)
                yield page_margins.finding(
                    config,
                    MESSAGES["margin"],
                    location=_loc(s),
                    side=SIDES.get(config.lang, SIDES["vi"])[side],
                    value=value,
                    lo=lo,
                    hi=hi,
                    where=_where(s, n, len(setups), config.lang),
                )


@rule(
    "body-font",
    "KH803",
    "warning",
    plans_only=False,
    summary={
        "vi": "phông chữ phần thân văn bản không phải Times New Roman hoặc cỡ chữ ngoài khoảng 13–14",
        "en": "the body font is not Times New Roman, or not 13–14 pt",
    },
    doc_vi="""body-font (KH803, cảnh báo): phần thân văn bản dùng phông chữ Times New Roman, cỡ chữ từ 13 đến 14.

      Phông chữ chiếm ưu thế trong các đoạn thân văn bản, theo số liệu bộ phân tích DOCX hoặc PDF đo
      được. Tên phông nhúng trong PDF ("TimesNewRomanPSMT", "ABCDEE+TimesNewRoman,Bold") được coi là
      Times New Roman.
      """,
)
def body_font(plan: Plan, config: Config) -> Iterator[Finding]:
    """body-font (KH803, warning): body text in Times New Roman, 13 to 14 pt.

    The dominant font of the body paragraphs, as the DOCX or PDF parser measured it. A PDF's
    embedded name ("TimesNewRomanPSMT", "ABCDEE+TimesNewRoman,Bold") counts as Times New Roman.

    PASS (facts)::

        format: docx
        font: Times New Roman 14

    FAIL (facts)::

        format: docx
        font: Arial 12
    """
    source = _source(plan)
    if source is None:
        return
    font = source.body_font
    if font:
        plain = font.split("+")[-1].split(",")[0].lower().replace("-", "").replace(" ", "")
        plain = plain.removesuffix("psmt").removesuffix("mt")
        if not plain.startswith("timesnewroman"):
            yield body_font.finding(config, MESSAGES["font"], font=font)
    size = source.body_font_size
    if size and not (FONT_SIZES[0] - 0.25 <= size <= FONT_SIZES[1] + 0.25):
        yield body_font.finding(config, MESSAGES["font_size"], size=size)
