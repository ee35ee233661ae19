"""Plain-Python polygon geometry for hit tests (the canvas asks the model)."""

from __future__ import annotations

Point = tuple[float, float]
Ring = tuple[Point, ...]
Polygon = tuple[Ring, ...]
MultiPolygon = tuple[Polygon, ...]


def ring_contains(ring: Ring, point: Point) -> bool:
    """Even-odd ray casting test of one ring."""
    x, y = point
    inside = False
    n = len(ring)
    j = n - 1
    for i in range(n):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def contains(shape: MultiPolygon, point: Point) -> bool:
    """True when the point is inside a polygon of the shape and outside its holes."""
    for polygon in shape:
        if not polygon or not ring_contains(polygon[0], point):
            continue
        if not any(ring_contains(hole, point) for hole in polygon[1:]):
            return True
    return False


def bounds(shape: MultiPolygon) -> tuple[float, float, float, float]:
    """(xmin, ymin, xmax, ymax) of the outer rings."""
    xs = [p[0] for poly in shape for p in poly[0]]
    ys = [p[1] for poly in shape for p in poly[0]]
    return (min(xs), min(ys), max(xs), max(ys))


def ring_area(ring: Ring) -> float:
    """Absolute area of a ring (shoelace)."""
    s = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        s += x1 * y2 - x2 * y1
    return abs(s) / 2.0


def area(shape: MultiPolygon) -> float:
    """Area of the shape, holes subtracted."""
    return sum(ring_area(p[0]) - sum(ring_area(h) for h in p[1:]) for p in shape if p)
