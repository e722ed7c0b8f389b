"""The world map of the countries pages: drawn once at build time, shaded per request.

`manage.py build_world_map` turns the vendored Natural Earth outlines (the
world-atlas package's 110m TopoJSON, public domain) into SVG path data in the
Equal Earth projection, committed as front/countries/maps/world.json. Pages
never read the TopoJSON: they read that file and decide only colours and links.

Equal Earth (Šavrič, Patterson and Jenny, 2018) keeps areas true, so a large
country does not look more important than it is, and is a few lines of code.
"""

import itertools
import json
import math
import re
from functools import cache
from pathlib import Path

MAPS = Path(__file__).parent / "maps"
SOURCE = MAPS / "countries-110m.json"
WORLD = MAPS / "world.json"

WIDTH = 1000  # viewBox units across the whole world
SOUTHERNMOST = -58  # Antarctica is left out; the map stops below Cape Horn
NORTHERNMOST = 84

_A1, _A2, _A3, _A4 = 1.340264, -0.081106, 0.000893, 0.003796
_M = math.sqrt(3) / 2
_X_MAX = 2.7066297319215575  # x of longitude 180 at the equator
_SCALE = WIDTH / (2 * _X_MAX)


def _equal_earth(longitude, latitude):
    """Projected (x, y) in unit space, y growing northwards."""
    theta = math.asin(_M * math.sin(math.radians(latitude)))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    denominator = 3 * (9 * _A4 * t6 * t2 + 7 * _A3 * t6 + 3 * _A2 * t2 + _A1)
    x = 2 * math.sqrt(3) * math.radians(longitude) * math.cos(theta) / denominator
    y = theta * (_A4 * t6 * t2 + _A3 * t6 + _A2 * t2 + _A1)
    return x, y


_TOP = _equal_earth(0, NORTHERNMOST)[1]
HEIGHT = round((_TOP - _equal_earth(0, SOUTHERNMOST)[1]) * _SCALE)


def project(longitude, latitude):
    """(x, y) in the map's viewBox: 0..WIDTH across, 0..HEIGHT down."""
    x, y = _equal_earth(longitude, latitude)
    return (x + _X_MAX) * _SCALE, (_TOP - y) * _SCALE


def _decode_arcs(topology):
    """TopoJSON arcs (quantized, delta-encoded) as lists of (longitude, latitude)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(arcs, indexes):
    points = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        # Consecutive arcs share their end point.
        points.extend(arc[1:] if points else arc)
    return points


def _unwrapped(ring):
    """A ring that crosses the antimeridian (Russia's Chukotka, Fiji) continued past
    180° instead of jumping back across the whole map; the viewBox cuts the overhang."""
    if all(abs(b[0] - a[0]) < 180 for a, b in itertools.pairwise(ring)):
        return ring
    return [(lon + 360 if lon < 0 else lon, lat) for lon, lat in ring]


def _path(rings):
    """SVG path data in whole units (a third of a degree, finer than the 110m outlines),
    relative moves: the smallest text that draws it."""
    parts = []
    for ring in map(_unwrapped, rings):
        projected = [project(lon, max(lat, SOUTHERNMOST)) for lon, lat in ring]
        coords = [(round(x), round(y)) for x, y in projected]
        steps = [f"M{_n(coords[0][0])} {_n(coords[0][1])}"]
        previous = coords[0]
        for point in coords[1:]:
            dx, dy = point[0] - previous[0], point[1] - previous[1]
            if dx or dy:
                steps.append(f"l{_n(dx)} {_n(dy)}")
                previous = point
        parts.append("".join(steps) + "z")
    return "".join(parts)


def _n(value):
    """12.0 -> "12", -0.5 -> "-.5": fewer bytes, same number."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text.replace("0.", ".", 1) if text.startswith(("0.", "-0.")) else text or "0"


def _bbox(rings):
    points = [
        project(min(lon, 180), max(lat, SOUTHERNMOST))
        for ring in map(_unwrapped, rings)
        for lon, lat in ring
    ]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return [round(min(xs), 1), round(min(ys), 1), round(max(xs), 1), round(max(ys), 1)]


def build(topology, positions):
    """The committed world.json: {m49: {"d": path, "box": bbox}} plus dots for the rest.

    `positions` maps each country's M49 code to its [latitude, longitude]:
    countries too small for the 110m outlines (most small island States) get
    a dot there, so that every country can be on the map.
    """
    arcs = _decode_arcs(topology)
    shapes, unnamed = {}, []
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry["type"] == "Polygon":
            polygons = [geometry["arcs"]]
        elif geometry["type"] == "MultiPolygon":
            polygons = geometry["arcs"]
        else:
            continue
        rings = [_ring(arcs, ring) for polygon in polygons for ring in polygon]
        code = geometry.get("id")
        if code == "010":  # Antarctica
            continue
        if code is None:
            # Areas without an M49 code of their own: drawn, never a link.
            unnamed.append(_path(rings))
            continue
        shapes[str(int(code))] = {"d": _path(rings), "box": _bbox(rings)}
    dots = {}
    for m49, position in positions.items():
        if str(m49) not in shapes and position:
            latitude, longitude = position
            x, y = project(longitude, latitude)
            dots[str(m49)] = [round(x, 1), round(y, 1)]
    return {
        "source": "Natural Earth 1:110m (public domain), via world-atlas 2.0.2",
        "generated_by": "python manage.py build_world_map",
        "projection": "Equal Earth",
        "width": WIDTH,
        "height": HEIGHT,
        "shapes": shapes,
        "dots": dots,
        "unnamed": "".join(unnamed),
    }


@cache
def world():
    return json.loads(WORLD.read_text(encoding="utf-8"))


SHADES = 5


def shade_limits(counts):
    """Upper bounds of the shades: quintiles of the countries' counts, so that each
    shade holds about as many countries whatever the size of the corpus."""
    values = sorted(n for n in counts if n > 0)
    if not values:
        return []
    limits = []
    for step in range(1, SHADES + 1):
        limit = values[min(len(values) - 1, math.ceil(len(values) * step / SHADES) - 1)]
        if not limits or limit > limits[-1]:
            limits.append(limit)
    return limits


def shade_of(count, limits):
    """1 (fewest) to len(limits) (most); 0 for a country with no initiative."""
    if count <= 0:
        return 0
    return next(i for i, limit in enumerate(limits, start=1) if count <= limit)


def legend(limits, with_none=False):
    """[(shade, lowest, highest)] for the key under the map; with_none when some
    country is drawn for its other content alone, so that its shade is explained too."""
    ranges, low = ([(0, 0, 0)] if with_none else []), 1
    for shade, limit in enumerate(limits, start=1):
        ranges.append((shade, low, limit))
        low = limit + 1
    return ranges


@cache
def locator(m49, margin=60):
    """A small map around one country: (viewBox, [(m49, d)] of the shapes in view, dot or None),
    computed once per country and process (the outlines never change while it runs).

    The view is the country's box with a margin, at least 3:2 and never larger
    than the world, so that a small country is shown with its neighbours.
    """
    drawn = world()
    shape = drawn["shapes"].get(str(m49))
    dot = drawn["dots"].get(str(m49))
    if shape:
        x0, y0, x1, y1 = shape["box"]
    elif dot:
        x0, y0, x1, y1 = dot[0], dot[1], dot[0], dot[1]
    else:
        return None
    width, height = max(x1 - x0 + 2 * margin, 180), max(y1 - y0 + 2 * margin, 120)
    width, height = max(width, height * 1.5), max(height, width / 1.5)
    width, height = min(width, drawn["width"]), min(height, drawn["height"])
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    left = min(max(cx - width / 2, 0), drawn["width"] - width)
    top = min(max(cy - height / 2, 0), drawn["height"] - height)
    view = (left, top, left + width, top + height)
    nearby = [
        (code, _clipped(other["d"], view))
        for code, other in drawn["shapes"].items()
        if _overlaps(other["box"], view)
    ]
    view_box = f"{round(left)} {round(top)} {round(width)} {round(height)}"
    return view_box, [(code, d) for code, d in nearby if d], dot


def _rings(d):
    """Absolute points of the rings of a path written by _path (M, then l steps, z)."""
    rings = []
    for ring in re.findall(r"M[^z]*z", d):
        numbers = [float(n) for n in re.findall(r"-?[0-9]*\.?[0-9]+", ring)]
        x, y = numbers[0], numbers[1]
        points = [(x, y)]
        for dx, dy in zip(numbers[2::2], numbers[3::2], strict=True):
            x, y = x + dx, y + dy
            points.append((x, y))
        rings.append(points)
    return rings


def _clipped(d, view):
    """The path cut to the view (Sutherland-Hodgman against each edge of the box):
    a neighbour reaching far outside a locator map would otherwise spill out of
    the page's layout box, though not out of the drawing."""
    left, top, right, bottom = view
    edges = [
        (lambda p: p[0] >= left, lambda a, b: _at_x(a, b, left)),
        (lambda p: p[0] <= right, lambda a, b: _at_x(a, b, right)),
        (lambda p: p[1] >= top, lambda a, b: _at_y(a, b, top)),
        (lambda p: p[1] <= bottom, lambda a, b: _at_y(a, b, bottom)),
    ]
    parts = []
    for points in _rings(d):
        for inside, crossing in edges:
            kept = []
            for i, point in enumerate(points):
                previous = points[i - 1]
                if inside(point):
                    if not inside(previous):
                        kept.append(crossing(previous, point))
                    kept.append(point)
                elif inside(previous):
                    kept.append(crossing(previous, point))
            points = kept
            if not points:
                break
        if len(points) > 2:
            parts.append("M" + "L".join(f"{x:.1f} {y:.1f}" for x, y in points) + "z")
    return "".join(parts)


def _at_x(a, b, x):
    return x, a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0])


def _at_y(a, b, y):
    return a[0] + (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]), y


def _overlaps(box, view):
    return box[0] <= view[2] and box[2] >= view[0] and box[1] <= view[3] and box[3] >= view[1]
