"""Geometry of the dashboard's server-rendered SVG charts: horizontal bars and a tile map
of Mexico. Templates draw what these functions measure; no JavaScript is involved."""

from dataclasses import dataclass

# A tile-grid cartogram: each Mexican state is one square at (column, row), placed
# roughly where it lies, so that every state is equally visible however small. Keys are
# the regions' slugs; states with other slugs are listed in the data table only.
MEXICO_TILES = {
    "baja-california": (0, 0, "BC"),
    "sonora": (1, 0, "SON"),
    "chihuahua": (2, 0, "CHIH"),
    "coahuila": (3, 0, "COAH"),
    "nuevo-leon": (4, 0, "NL"),
    "baja-california-sur": (0, 1, "BCS"),
    "sinaloa": (1, 1, "SIN"),
    "durango": (2, 1, "DGO"),
    "zacatecas": (3, 1, "ZAC"),
    "san-luis-potosi": (4, 1, "SLP"),
    "tamaulipas": (5, 1, "TAMPS"),
    "nayarit": (1, 2, "NAY"),
    "jalisco": (2, 2, "JAL"),
    "aguascalientes": (3, 2, "AGS"),
    "guanajuato": (4, 2, "GTO"),
    "queretaro": (5, 2, "QRO"),
    "hidalgo": (6, 2, "HGO"),
    "colima": (2, 3, "COL"),
    "michoacan": (3, 3, "MICH"),
    "estado-de-mexico": (4, 3, "MEX"),
    "cdmx": (5, 3, "CDMX"),
    "tlaxcala": (6, 3, "TLAX"),
    "veracruz": (7, 3, "VER"),
    "yucatan": (10, 3, "YUC"),
    "guerrero": (4, 4, "GRO"),
    "morelos": (5, 4, "MOR"),
    "puebla": (6, 4, "PUE"),
    "oaxaca": (7, 4, "OAX"),
    "tabasco": (8, 4, "TAB"),
    "campeche": (9, 4, "CAMP"),
    "quintana-roo": (10, 4, "QROO"),
    "chiapas": (8, 5, "CHIS"),
}
TILE, TILE_GAP = 52, 4
SHADES = 4  # shading levels above zero


@dataclass
class Tile:
    row: object
    x: int
    y: int
    abbreviation: str
    shade: int
    size: int = TILE


def shade(value: int, highest: int) -> int:
    """0 for none, else 1..SHADES in proportion to the highest value."""
    if value <= 0 or highest <= 0:
        return 0
    return max(1, -(-value * SHADES // highest))


def tile_map(rows) -> dict:
    """Tiles for the rows whose ``key`` is a state of ``MEXICO_TILES``, and the map's size."""
    rows = [row for row in rows if row.key in MEXICO_TILES]
    highest = max((row.value for row in rows), default=0)
    step = TILE + TILE_GAP
    tiles = []
    for row in rows:
        column, line, abbreviation = MEXICO_TILES[row.key]
        tiles.append(Tile(row, column * step, line * step, abbreviation, shade(row.value, highest)))
    columns = max(c for c, _l, _a in MEXICO_TILES.values()) + 1
    lines = max(line for _c, line, _a in MEXICO_TILES.values()) + 1
    return {
        "tiles": tiles,
        "width": columns * (TILE + TILE_GAP),
        "height": lines * (TILE + TILE_GAP),
        "shades": range(SHADES + 1),
        "highest": highest,
    }


BAR_AREA, BAR_HEIGHT, LINE = 400, 18, 46


@dataclass
class Bar:
    row: object
    y: int
    width: int
    label_y: int
    bar_y: int
    value_x: int


def bar_chart(rows) -> dict:
    """Horizontal bars, a label above each, widths in proportion to the highest value."""
    highest = max((row.value for row in rows), default=0)
    bars = []
    for index, row in enumerate(rows):
        y = index * LINE
        width = round(row.value * BAR_AREA / highest) if highest else 0
        bars.append(Bar(row, y, width, y + 16, y + 22, width + 6))
    return {"bars": bars, "width": BAR_AREA + 60, "height": max(len(rows) * LINE, LINE)}
