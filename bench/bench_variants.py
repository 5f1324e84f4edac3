"""Search light: real DOCX plans re-laid out or retyped, as their DOCX and their PDF, against the original.

    python bench/bench_variants.py [--variant NAME ...] [-v] [FOLDER ...]   # NAME: one of the variants below

Each DOCX of the folders (default ../shared/realdocs and ../shared/corpus) is changed one way,
rendered to PDF by LibreOffice (and, for gs/cairo, the original's PDF rewritten by Ghostscript's
pdfwrite or pdftocairo), parsed, and compared with the original DOCX's parse on what the scorer
reads: header fields, signer and sections (test_cross_format.header_keys) and the tasks
(content, lead, support, timeline.raw; tone-insensitive keys). A variant that the reader handles
gives the original's register; each document that differs is listed (-v: with the fields).

- tones: every w:t retyped with its tone marks as combining characters (Unikey's "Unicode tổ hợp");
- margins: left and right page margins 1.5 cm (lines wrap elsewhere);
- bigger: every font size 1 pt larger (lines, cells and header columns wrap elsewhere);
- letter: US Letter pages (the orientation kept);
- sans: every font Arial (LibreOffice sets Liberation Sans: other widths, other wraps, other
  font names for bold);
- spacing: no space before or after any paragraph (paragraphs told apart by indent and wrap only);
- lines: every line spacing 1.5 lines (another pitch inside paragraphs);
- justify: every left-aligned paragraph justified (lines a break ends are stretched);
- noindent: no first-line indent;
- tabs: the header table set as 12 pt paragraphs with two centred tab stops (issuer | motto);
- sigtabs: the signature table set as paragraphs: "- Như trên;<tab>CHỦ TỊCH" (a centred stop);
- borders: every table drawn with borders (the header and signature tables show their grid);
- vni: every w:t retyped in the VNI encoding and every font VNI-Times (a plan typed with the
  legacy VNI keyboard), compared as DOCX only (see DOCX_ONLY);
- gs, cairo: the LibreOffice PDF passed through `gs -sDEVICE=pdfwrite` / `pdftocairo -pdf`;
- wide: the DOCX unchanged, rendered where fontconfig knows only the DejaVu fonts (Times New Roman
  set in a much wider face: header names, numbers, dates and cells wrap), compared as PDF only.

Needs LibreOffice (soffice); gs and pdftocairo for those two. Writes to a temporary folder.
Measured 2026-12-03 on the 44 DOCX of realdocs and the corpus, after the rules this light found
(one-off scripts that this one replaces; gs and cairo also took the 11 DOC): tones 687/687
tasks and 308/308 header fields as DOCX and as PDF, margins 687/687, bigger 686/687 and 307/308,
gs and cairo 126/126 header fields on the realdocs (these two compare the rewritten PDF with
LibreOffice's: 552/552 tasks after the raised-prime rule, 531/552 before); with this script,
sans and margins 1374/1374 task pairs and 616/616 header fields (DOCX and PDF together).
The four layout lights and vni, first run on 2026-12-03 (fourth session), before -> after the
rules they found: spacing 1374/1374 and 615 -> 616/616; lines 1372/1376 -> 1374/1374 and
616/616; justify 1374/1374 and 614 -> 616/616; noindent 1372/1375 -> 1374/1374 and 614 ->
615/616 (left: a tham luận whose "… vướng mắc sau:" line would have held the next word by
0.1 pt); vni (DOCX) 687/687 and 300 -> 308/308; tabs 1374/1374 and 529 -> 608/616 (left: the
generator's own layouts: a header cell with line breaks inside, a V/v line ending in an empty
tab, a "DỰ THẢO" text box moved onto the title, a left column too long for its tab stop);
sigtabs 1374/1374 and 613/616 (left: a signer's name after line breaks inside the paragraph
paired with a recipient, so it lands at the margin — the generator's pairing, not a layout);
borders 1374/1391 tasks (17 false tasks read from ruled header and signature tables) and 506/616
-> 1374/1374 and 602/616 (left: a cell's lines the PDF table reader joined as wraps, so a
parent body and its issuer read as one line; the visual lines are not kept past the cell).
Fifth session (46 DOCX: two drafts of a new repository added to the corpus), borders 602 -> 639/644
after keeping a ruled cell's drawn lines (blocks.Cell.drawn) and the rules they showed (a
"Nơi nhận" cell alone, "KT GIÁM ĐỐC" without its dot, the Party's header table, V/v lines read line
by line), 644/644 at the session's end; sigtabs 640/644 (one more than before: "KT GIÁM ĐỐC",
now read as an authority, wraps in the generator's tabbed line as "KT GIÁM" / "ĐỐC"), tabs 636/644
(the same eight as before). letter: 1333/1409 tasks on the five Lâm Đồng CCHC
plans, the same before and after this session — their landscape appendix table is wider than a
Letter page, LibreOffice prints it past the page edge and the last letters of its right column
("Văn phòng" -> "g") fall outside the table as lines of their own: the generator's pages, not a
layout a signed plan has.

The wide light, first run on 2026-12-03 (sixth session), before -> after the rules it found: tasks
677/705 -> 700/704 and header fields 309 -> 326/329 (left: a number line and place-date parted
and mixed with the motto, a cell of faculties one a line that wrap into each other, "NĐ-CP" broken
inside its letters).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(HERE / "tests"))

from helpers import to_vni, tones_apart  # noqa: E402
from kehoach import api  # noqa: E402
from kehoach.errors import KehoachError  # noqa: E402
from test_cross_format import agreement, header_keys  # noqa: E402

DEFAULT = [HERE / "../shared/realdocs", HERE / "../shared/corpus"]
TEXT_RUN = re.compile(r"(<w:t(?:\s[^>]*)?>)([^<]*)(</w:t>)")


def _margins(xml: str) -> str:
    def narrow(m: re.Match) -> str:
        return re.sub(r'w:(left|right)="\d+"', lambda a: f'w:{a.group(1)}="851"', m.group(0))

    return re.sub(r"<w:pgMar\b[^>]*/>", narrow, xml)


def _bigger(xml: str) -> str:
    return re.sub(r'(<w:szCs? w:val=")(\d+)(")', lambda m: f"{m.group(1)}{int(m.group(2)) + 2}{m.group(3)}", xml)


def _letter(xml: str) -> str:
    def letter(m: re.Match) -> str:
        tag = m.group(0)
        w, h = (int(re.search(rf'w:{k}="(\d+)"', tag).group(1)) for k in ("w", "h"))  # type: ignore[union-attr]
        nw, nh = (15840, 12240) if w > h else (12240, 15840)
        return re.sub(r'w:h="\d+"', f'w:h="{nh}"', re.sub(r'w:w="\d+"', f'w:w="{nw}"', tag))

    return re.sub(r"<w:pgSz\b[^>]*/>", letter, xml)


def _font(xml: str, name: str) -> str:
    """Every run's fonts set to `name` (theme fonts dropped, so they cannot override it)."""
    xml = re.sub(r'(w:(?:ascii|hAnsi|cs|eastAsia)=")[^"]*(")', rf"\g<1>{name}\2", xml)
    return re.sub(r"w:(?:ascii|hAnsi|cs|eastAsia)Theme=\"[^\"]*\"", "", xml)


def _sans(xml: str) -> str:
    return _font(xml, "Arial")


def _spacing(xml: str) -> str:
    def tight(m: re.Match) -> str:
        tag = re.sub(r'\s*w:(?:before|after)(?:Autospacing|Lines)="[^"]*"', "", m.group(0))
        return re.sub(r'w:(before|after)="\d+"', lambda a: f'w:{a.group(1)}="0"', tag)

    return re.sub(r"<w:spacing\b[^>]*/>", tight, xml)


def _lines(xml: str) -> str:
    def wide(m: re.Match) -> str:
        tag = re.sub(r'w:lineRule="[^"]*"', 'w:lineRule="auto"', m.group(0))
        return re.sub(r'w:line="\d+"', 'w:line="360"', tag)

    return re.sub(r"<w:spacing\b[^>]*\bw:line=\"[^>]*/>", wide, xml)


def _justify(xml: str) -> str:
    return re.sub(r'<w:jc w:val="(?:left|start)"\s*/>', '<w:jc w:val="both"/>', xml)


def _noindent(xml: str) -> str:
    return re.sub(r'w:firstLine(?:Chars)?="\d+"', 'w:firstLine="0"', xml)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _tabs(xml: str) -> str:
    """The first table of the body (the header: issuer and number | motto and place-date) set as
    12 pt paragraphs with two centred tab stops, as templates without a header table do."""
    return _as_tab_paragraphs(xml, _first_table, (0.25, 0.70), ("24", "24"))


def _sigtabs(xml: str) -> str:
    """The signature table (Nơi nhận | TM. … CHỦ TỊCH … name) set as paragraphs: the recipients
    at the margin in 11 pt, a tab, the signer's lines centred on a stop at 70 % of the width."""
    return _as_tab_paragraphs(xml, _recipients_table, (None, 0.70), ("22", None))


def _first_table(body):
    return body.find(f"{_W}tbl")


def _recipients_table(body):
    for table in body.findall(f"{_W}tbl"):
        text = "".join(table.itertext()).strip()
        if re.match(r"N[ơo]i nh[ậa]n", text):
            return table
    return None


def _as_tab_paragraphs(xml: str, pick, stops_at: tuple, sizes: tuple) -> str:
    """The two-column table `pick` finds in the body, set as one paragraph per line pair: per
    column, a tab to a centred stop (`stops_at`, share of the text width; None: the column starts
    at the margin, no tab) and the column's k-th paragraph's runs (set to `sizes`, half points)."""
    from lxml import etree

    if "<w:body" not in xml:
        return xml  # styles.xml
    root = etree.fromstring(xml.encode("utf-8"))
    body = root.find(f"{_W}body")
    table = pick(body) if body is not None else None
    if table is None:
        return xml
    sect = root.find(f".//{_W}sectPr")
    size, margins = (sect.find(f"{_W}{t}") if sect is not None else None for t in ("pgSz", "pgMar"))
    try:
        width = int(size.get(f"{_W}w")) - int(margins.get(f"{_W}left")) - int(margins.get(f"{_W}right"))
    except (AttributeError, TypeError, ValueError):
        width = 9355  # A4, margins 3 cm and 2 cm
    paragraphs = []
    for row in table.findall(f"{_W}tr"):
        cells = [[p for p in tc.findall(f"{_W}p")] for tc in row.findall(f"{_W}tc")]
        if len(cells) != 2:
            return xml  # not a two-column table
        for k in range(max(len(c) for c in cells)):
            p = etree.Element(f"{_W}p")
            ppr = etree.SubElement(p, f"{_W}pPr")
            tabs = etree.SubElement(ppr, f"{_W}tabs")
            for share in stops_at:
                if share is not None:
                    pos = str(int(width * share))
                    etree.SubElement(tabs, f"{_W}tab", {f"{_W}val": "center", f"{_W}pos": pos})
            etree.SubElement(ppr, f"{_W}spacing", {f"{_W}before": "0", f"{_W}after": "0"})
            for cell, share, half_points in zip(cells, stops_at, sizes, strict=True):
                if share is not None:
                    etree.SubElement(etree.SubElement(p, f"{_W}r"), f"{_W}tab")
                if k < len(cell):
                    for run in cell[k].findall(f"{_W}r"):
                        if half_points:
                            _size(run, half_points)
                        p.append(run)
            paragraphs.append(p)
    at = list(body).index(table)
    body.remove(table)
    for i, p in enumerate(paragraphs):
        body.insert(at + i, p)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True).decode("utf-8")


def _size(run, half_points: str) -> None:
    from lxml import etree

    rpr = run.find(f"{_W}rPr")
    if rpr is None:
        rpr = etree.Element(f"{_W}rPr")
        run.insert(0, rpr)
    for tag in ("sz", "szCs"):
        el = rpr.find(f"{_W}{tag}")
        if el is None:
            el = etree.SubElement(rpr, f"{_W}{tag}")
        el.set(f"{_W}val", half_points)


_BORDERS = "".join(
    f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    for side in ("top", "left", "bottom", "right", "insideH", "insideV")
)


def _borders(xml: str) -> str:
    """Every table drawn with borders (a draft whose header and signature tables show their grid)."""
    if "<w:body" not in xml:
        return xml
    xml = re.sub(r"<w:tblBorders>.*?</w:tblBorders>|<w:tblBorders/>", "", xml, flags=re.S)
    xml = re.sub(r"<w:tcBorders>.*?</w:tcBorders>|<w:tcBorders/>", "", xml, flags=re.S)
    xml = re.sub(r"(<w:tblPr>)", rf"\1<w:tblBorders>{_BORDERS}</w:tblBorders>", xml)
    return re.sub(r"<w:tblPr/>", f"<w:tblPr><w:tblBorders>{_BORDERS}</w:tblBorders></w:tblPr>", xml)


def _tones(xml: str) -> str:
    return TEXT_RUN.sub(lambda m: m.group(1) + tones_apart(m.group(2)) + m.group(3), xml)


def _vni(xml: str) -> str:
    return _font(TEXT_RUN.sub(lambda m: m.group(1) + to_vni(m.group(2)) + m.group(3), xml), "VNI-Times")


CHANGES = {
    "tones": _tones,
    "margins": _margins,
    "bigger": _bigger,
    "letter": _letter,
    "sans": _sans,
    "spacing": _spacing,
    "lines": _lines,
    "justify": _justify,
    "noindent": _noindent,
    "vni": _vni,
    "tabs": _tabs,
    "sigtabs": _sigtabs,
    "borders": _borders,
    "wide": lambda xml: xml,  # the rendering changes, not the document (FONTS)
}
# variants rendered under a fontconfig of their own: its font folders
FONTS = {"wide": ["/usr/share/fonts/truetype/dejavu"]}
# no VNI-Times here: LibreOffice prints the codes in another font, whose modifier glyphs take room
# of their own (VNI-Times overlays them), so lines wrap where no VNI PDF wraps; the DOCX is read
DOCX_ONLY = {"vni"}
REWRITES = {
    "gs": lambda src, out: ["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite", "-o", out, src],
    "cairo": lambda src, out: ["pdftocairo", "-pdf", src, out],
}


def changed_copy(docx: Path, variant: str, target: Path) -> Path:
    """`docx` with its document and styles parts (every part, for tones) changed by `variant`."""
    change = CHANGES[variant]
    with zipfile.ZipFile(docx) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            data = src.read(item.filename)
            name = item.filename
            if name.endswith(".xml") and (
                name in ("word/document.xml", "word/styles.xml")
                or (variant in ("tones", "vni") and name.startswith("word/"))
            ):
                data = change(data.decode("utf-8")).encode("utf-8")
            out.writestr(item, data)
    return target


def render(docs: list[Path], outdir: Path, profile: Path, fonts: list[str] | None = None) -> None:
    """`docs` to PDF in `outdir`; with `fonts`, fontconfig sees those folders only."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("soffice not found: apt-get install libreoffice-writer")
    env = dict(os.environ)
    if fonts:
        conf = outdir / "fonts.conf"
        dirs = "".join(f"<dir>{d}</dir>" for d in fonts)
        conf.write_text(
            f'<?xml version="1.0"?><fontconfig>{dirs}<cachedir>{outdir / "fc-cache"}</cachedir></fontconfig>'
        )
        env["FONTCONFIG_FILE"] = str(conf)
        profile = outdir / "profile"  # a profile of its own: LibreOffice keeps font facts in it
    cmd = [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf"]
    subprocess.run(
        [*cmd, "--outdir", str(outdir), *map(str, docs)], capture_output=True, timeout=1800, check=False, env=env
    )


def compare(original: Path, other: Path, verbose: bool) -> tuple[int, int, int, int, list[str]]:
    """(tasks agreeing, tasks compared, header fields agreeing, fields compared, what differs)."""
    want = api.parse(original)
    try:
        got = api.parse(other)
    except KehoachError as exc:
        return 0, len(want.tasks), 0, len(header_keys(want)), [f"{other.name}: {exc}"]
    a, n = agreement(want.tasks, got.tasks)
    keys, other_keys = header_keys(want), header_keys(got)
    differs = [f for f in keys if keys[f] != other_keys[f]]
    said = []
    if a != n or differs:
        said.append(f"{other.name}: tasks {a}/{n}, header fields differing {differs}")
        if verbose:
            said += [f"    {f}: {keys[f]!r} / {other_keys[f]!r}" for f in differs]
    return a, n, len(keys) - len(differs), len(keys), said


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folders", nargs="*", type=Path, default=DEFAULT)
    ap.add_argument("--variant", action="append", choices=[*CHANGES, *REWRITES])
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    variants = args.variant or [*CHANGES, *REWRITES]
    originals = sorted(p for f in args.folders if f.is_dir() for p in f.iterdir() if p.suffix == ".docx")
    if not originals:
        sys.exit(f"no DOCX in {', '.join(map(str, args.folders))}")
    with tempfile.TemporaryDirectory(prefix="kehoach-variants-") as tmp:
        work, profile = Path(tmp), Path(tmp) / "profile"
        for variant in variants:
            folder = work / variant
            folder.mkdir()
            if variant in CHANGES:
                fonts = FONTS.get(variant)
                if fonts and not all(Path(d).is_dir() for d in fonts):
                    print(f"{variant}: font folders {fonts} not found, skipped")
                    continue
                copies = [changed_copy(d, variant, folder / f"{k:03d}_{d.name}") for k, d in enumerate(originals)]
                render(copies, folder, profile, fonts)
                # an unchanged DOCX is its original: only its rendering is compared
                pairs = [] if fonts else [(d, c) for d, c in zip(originals, copies, strict=True)]
                if variant not in DOCX_ONLY:
                    pairs += [(d, c.with_suffix(".pdf")) for d, c in zip(originals, copies, strict=True)]
            else:
                if shutil.which(REWRITES[variant]("", "")[0]) is None:
                    print(f"{variant}: {REWRITES[variant]('', '')[0]} not installed, skipped")
                    continue
                plain = work / "plain"
                if not plain.is_dir():
                    plain.mkdir()
                    copies = [plain / f"{k:03d}_{d.name}" for k, d in enumerate(originals)]
                    for d, c in zip(originals, copies, strict=True):
                        shutil.copyfile(d, c)
                    render(copies, plain, profile)
                pairs = []
                for k, d in enumerate(originals):
                    pdf = plain / f"{k:03d}_{d.stem}.pdf"
                    out = folder / pdf.name
                    subprocess.run(REWRITES[variant](str(pdf), str(out)), capture_output=True, timeout=600, check=False)
                    pairs.append((pdf, out))
            totals = [0, 0, 0, 0]
            for original, other in pairs:
                if not other.exists():
                    print(f"  {other.name}: not made")
                    continue
                *counts, said = compare(original, other, args.verbose)
                totals = [t + c for t, c in zip(totals, counts, strict=True)]
                for line in said:
                    print("  " + line)
            print(f"{variant}: tasks {totals[0]}/{totals[1]}, header fields {totals[2]}/{totals[3]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
