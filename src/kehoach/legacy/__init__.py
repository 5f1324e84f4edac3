"""Text-level repairs: legacy Vietnamese encodings and garbled PDF text layers.

Three kinds of broken Vietnamese reach the parsers:

- **TCVN3** (ABC, the ".VnTime" fonts): one Latin-1 byte per Vietnamese letter, lower case
  only; capitals come from a second font (".VnTimeH") with the same codes, so "CéNG HOµ"
  is "CỘNG HOÀ". The motto reads `Céng hoµ x· héi chñ nghÜa ViÖt Nam`.
- **VNI** ("VNI-Times"): a base letter followed by a Latin-1 modifier
  (`Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam`).
- **Garbled PDF text layers**: a font embedded without a usable Unicode map, so the
  extractor returns glyph numbers — pdfplumber's "(cid:1245)", or the number taken as a
  code point ("Ĉӝc lұp" for "Độc lập"). The numbers are the font's glyph order. For a
  TrueType font the first glyphs follow the standard order (glyph = ASCII code − 29, so
  "(cid:54)" is "S"); the Vietnamese letters are wherever the font put them, and differ
  between the regular, bold and italic faces. So the map of the remaining glyphs is
  learnt from the document itself: words whose glyphs are partly known are matched
  against the national motto, the document-type names and a frequency list of
  administrative Vietnamese (`vi_lexicon`), each match votes for the glyphs it would
  fix, and the clearest votes are adopted round after round. A word's neighbours vote
  too, through the word pairs of `vi_lexicon` ("định kỳ", "kỷ luật"). A glyph the rounds
  leave open is still given its likeliest letter — a dropped letter ("V Việt Linh") is
  worse than a guess — and a guess with little behind it is listed in `Repair.uncertain`
  so that the front-end can say where. The repair is *trusted* when the motto comes out
  right and nearly every glyph got a letter.

Detection looks at the text, never at font names: the share of words that are common
Vietnamese before and after each conversion decides.

Modules: `codepages` (TCVN3, VNI), `scoring` (how Vietnamese a text reads), `glyphs` and
`learn` (garbled glyph text), `detect` (which kind, and `repair`), `documents` (whole
documents, text-export bytes). Everything is importable from here, as before the split.
"""

from __future__ import annotations

from .codepages import TCVN3_TO_UNICODE, VNI_TO_UNICODE, tcvn3_to_unicode, to_unicode, vni_to_unicode
from .detect import Kind, detect_encoding, repair, repair_lines
from .documents import decode_legacy_bytes, repair_document
from .glyphs import MAC_STANDARD, Repair
from .learn import repair_garbled
from .scoring import ANCHORS, MOTTO, MOTTO_2, vietnamese_share

__all__ = [
    "TCVN3_TO_UNICODE",
    "VNI_TO_UNICODE",
    "tcvn3_to_unicode",
    "to_unicode",
    "vni_to_unicode",
    "Kind",
    "detect_encoding",
    "repair",
    "repair_lines",
    "decode_legacy_bytes",
    "repair_document",
    "MAC_STANDARD",
    "Repair",
    "repair_garbled",
    "ANCHORS",
    "MOTTO",
    "MOTTO_2",
    "vietnamese_share",
]
