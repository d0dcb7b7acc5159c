"""PRIO-GRID cells: the 0.5-degree grid of the world that UCDP, ViEWS and conflict research count in.

PRIO-GRID (v2, Tollefsen, Strand & Buhaug 2012) numbers its 360 x 720 cells from the south-west corner:
gid 1 is the cell at -90..-89.5 latitude, -180..-179.5 longitude; gids grow eastward along a row, then
row by row northward, to 259200 in the north-east corner. So gid = row * 720 + column + 1, with row =
floor((latitude + 90) / 0.5) and column = floor((longitude + 180) / 0.5). A point on a cell's edge is in
the cell to its north or east; the north pole and the antimeridian are in the last row and column.

Only an event placed to a town or near one (ACLED geo precision 1 or 2) is counted in a cell: an event
placed only to a governorate has the governorate's centre as coordinates, which is in a cell the event
need not be in.
"""

from __future__ import annotations

import math

CELL_DEGREES = 0.5
ROWS = 360
COLUMNS = 720
CELL_PRECISIONS = (1, 2)  # ACLED geo precision: town, near a town or district
NO_CELL = "(no cell: not placed to a town)"


def priogrid_gid(latitude: float, longitude: float) -> int:
    """The PRIO-GRID cell id of a point; `ValueError` for a point off the globe."""
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise ValueError(f"({latitude}, {longitude}) is not a latitude in -90..90 and longitude in -180..180")
    row = min(math.floor((latitude + 90) / CELL_DEGREES), ROWS - 1)
    column = min(math.floor((longitude + 180) / CELL_DEGREES), COLUMNS - 1)
    return row * COLUMNS + column + 1


def cell_of(latitude: float | None, longitude: float | None, geo_precision: int | None) -> int | None:
    """The cell an event is counted in, or None when it has no coordinates or is placed too coarsely."""
    if latitude is None or longitude is None or geo_precision not in CELL_PRECISIONS:
        return None
    return priogrid_gid(latitude, longitude)
