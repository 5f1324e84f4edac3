"""Page clean-up before recognition: coloured ink out, the page straightened.

A signed copy carries ink that is not text of the document: the red seal over the signature,
the signature itself (often blue), the receiving office's stamp ("ĐẾN Số … Ngày …", red or
blue) with the number and the day written in by hand. Tesseract reads all of that as text
and glues it to the header. Colour tells them apart: printed text is black or grey (low
saturation), these inks are saturated. The grey image that is recognised is each pixel's
brightest channel, with saturated pixels set to white (see `separate_ink`). What was removed
is kept as facts (`InkFacts`): where the red and the blue/violet ink are, and whether a red
blob is a seal (a large, roughly round patch).

Deskew: the angle that makes the rows of a binarised, shrunken page most uneven (text lines
sharp against the white between them) within ±`MAX_SKEW` degrees; a page is rotated only
when that angle is at least `MIN_SKEW`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

SATURATED = 70  # brightest minus darkest channel above which a pixel is coloured ink
BRIGHT = 110  # ... when its brightest channel is above this (not black print)
MAX_SKEW = 3.0  # degrees tried either way
SKEW_STEP = 0.25
MIN_SKEW = 0.3  # smaller angles are left alone
SEAL_MIN_MM = 25  # a seal is at least this wide and tall (round seals are 30-40 mm)


@dataclass
class InkBlob:
    """One patch of coloured ink: its box on the page image and its colour."""

    colour: str  # "red" | "blue"
    box: tuple[int, int, int, int]
    pixels: int
    corners: float = 0.0  # share of the box's four corner squares holding ink


@dataclass
class InkFacts:
    blobs: list[InkBlob] = field(default_factory=list)
    skew: float = 0.0  # degrees the page was turned back

    def seals(self, dpi: float) -> list[InkBlob]:
        """Red blobs as large as a seal and about as tall as wide."""
        least = SEAL_MIN_MM / 25.4 * dpi
        out = []
        for b in self.blobs:
            w, h = b.box[2] - b.box[0], b.box[3] - b.box[1]
            # round: the corners of its box are empty (a stamp's rectangle has ink there)
            if (
                b.colour == "red"
                and w >= least
                and h >= least
                and 0.7 <= w / h <= 1.4
                and b.pixels >= 0.08 * w * h
                and b.corners < 0.15
            ):
                out.append(b)
        return out


def _channels(image):
    """(darkest channel, brightest channel, r, g, b) of an RGB image."""
    from PIL import ImageChops

    r, g, b = image.split()
    return ImageChops.darker(ImageChops.darker(r, g), b), ImageChops.lighter(ImageChops.lighter(r, g), b), r, g, b


def _hue_masks(image):
    """(red mask, blue/violet mask, any-colour mask) of an RGB image, 255 where the ink is."""
    return _masks_and_high(image)[:3]


def _masks_and_high(image):
    """`_hue_masks` and the brightest channel (`separate_ink` needs both: one pass).

    Channel differences stand in for HSV (cheaper, and enough to tell red from blue):
    coloured ink has a bright channel far above its dark one; red ink is R over G and B,
    blue and violet ink B over R.
    """
    from PIL import ImageChops

    low, high, r, g, b = _channels(image)
    coloured = ImageChops.multiply(
        ImageChops.subtract(high, low).point(lambda x: 255 if x > SATURATED else 0),
        high.point(lambda x: 255 if x > BRIGHT else 0),
    )
    red = ImageChops.multiply(coloured, ImageChops.subtract(r, b).point(lambda x: 255 if x > SATURATED else 0))
    blue = ImageChops.multiply(coloured, ImageChops.subtract(b, r).point(lambda x: 255 if x > 40 else 0))
    return red, blue, coloured, high


def _blobs(mask, colour: str, cell: int = 32, min_cells: int = 2) -> list[InkBlob]:
    """Connected patches of a mask, found on a coarse grid (cells of `cell` pixels)."""
    from PIL import Image

    w, h = mask.size
    gw, gh = max(w // cell, 1), max(h // cell, 1)
    # the share of ink in each cell, as a small image
    small = mask.resize((gw, gh), Image.Resampling.BOX)
    data = small.tobytes()
    on = [v > 6 for v in data]  # > ~2.5 % ink
    seen = [False] * len(on)
    blobs: list[InkBlob] = []
    for start, lit in enumerate(on):
        if not lit or seen[start]:
            continue
        stack, cells = [start], []
        seen[start] = True
        while stack:
            k = stack.pop()
            cells.append(k)
            x, y = k % gw, k // gw
            for dx in (-1, 0, 1):
                for dy in (-1, 0, 1):
                    nx, ny = x + dx, y + dy
                    if 0 <= nx < gw and 0 <= ny < gh:
                        n = ny * gw + nx
                        if on[n] and not seen[n]:
                            seen[n] = True
                            stack.append(n)
        if len(cells) < min_cells:
            continue
        xs, ys = [k % gw for k in cells], [k // gw for k in cells]
        box = (min(xs) * cell, min(ys) * cell, min((max(xs) + 1) * cell, w), min((max(ys) + 1) * cell, h))
        pixels = sum(data[k] for k in cells) * cell * cell // 255
        blobs.append(InkBlob(colour, box, pixels, _corners(set(cells), gw, min(xs), min(ys), max(xs), max(ys))))
    return blobs


def _corners(cells: set[int], gw: int, x0: int, y0: int, x1: int, y1: int) -> float:
    """Share of grid cells lit in the four corner squares (a fifth of the box each way)."""
    cw, ch = max((x1 - x0 + 1) // 5, 1), max((y1 - y0 + 1) // 5, 1)
    total = lit = 0
    for xs in (range(x0, x0 + cw), range(x1 - cw + 1, x1 + 1)):
        for ys in (range(y0, y0 + ch), range(y1 - ch + 1, y1 + 1)):
            for x in xs:
                for y in ys:
                    total += 1
                    lit += (y * gw + x) in cells
    return lit / total if total else 0.0


def separate_ink(image):
    """RGB page -> (grey page without coloured ink, InkFacts).

    The grey page is the brightest channel of each pixel: black print stays dark in all
    three, red or blue ink is bright in its own channel and so turns pale; what is still
    saturated is set to white. Nothing is dilated, so black strokes keep their edges.
    """
    from PIL import ImageChops

    red, blue, coloured, high = _masks_and_high(image)
    gray = ImageChops.lighter(high, coloured)
    facts = InkFacts(_blobs(red, "red") + _blobs(blue, "blue"))
    return gray, facts


def ink_only(image, colour: str):
    """The page with only the ink of one colour, as black on white (for reading a stamp)."""
    from PIL import ImageOps

    red, blue, _ = _hue_masks(image)
    return ImageOps.invert(red if colour == "red" else blue)


def _row_score(binary) -> float:
    """Sum of squared differences between successive row sums: high when lines are level."""
    w, h = binary.size
    data = binary.tobytes()
    rows = [sum(data[y * w : (y + 1) * w]) for y in range(h)]
    return float(sum((a - b) ** 2 for a, b in pairwise(rows)))


def find_skew(gray, width: int = 500) -> float:
    """The page's skew in degrees (the angle to rotate it by, counter-clockwise positive):
    whole degrees first, then quarter degrees around the best."""
    from PIL import Image

    scale = width / gray.width
    small = gray.resize((width, max(int(gray.height * scale), 1)), Image.Resampling.BILINEAR)
    ink = small.point(lambda v: 1 if v < 160 else 0)
    scores: dict[float, float] = {0.0: _row_score(ink)}

    def score(angle: float) -> float:
        if angle not in scores:
            scores[angle] = _row_score(ink.rotate(angle, resample=Image.Resampling.NEAREST, fillcolor=0))
        return scores[angle]

    coarse = max((float(a) for a in range(-int(MAX_SKEW), int(MAX_SKEW) + 1)), key=score)
    fine = [coarse + k * SKEW_STEP for k in range(-3, 4) if abs(coarse + k * SKEW_STEP) <= MAX_SKEW]
    best = max(fine, key=score)
    return best if score(best) > scores[0.0] * 1.02 else 0.0


def deskew(gray, facts: InkFacts | None = None):
    """Turn the page straight when it is skewed by at least MIN_SKEW degrees."""
    from PIL import Image

    angle = find_skew(gray)
    if abs(angle) < MIN_SKEW:
        return gray
    if facts is not None:
        facts.skew = angle
    return gray.rotate(angle, resample=Image.Resampling.BILINEAR, fillcolor=255, expand=False)
