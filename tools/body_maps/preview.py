"""Previews of a view document: SVG (committed, small) and PNG (for checking)."""
from __future__ import annotations

from PIL import Image, ImageDraw, ImageFont

SKIN = (240, 214, 190)
BONE = (150, 150, 150)


def _muscle_color(mid, side):
    h = sum(ord(c) * (i + 1) for i, c in enumerate(mid)) % 97
    r = 150 + (h * 7) % 90
    g = 30 + (h * 13) % 70
    b = 30 + (h * 5) % 60
    return (r, g, b)


def png(doc, path, ppmm=None, mode="all"):
    x0, y0, x1, y1 = doc["bounds"]
    w, h = x1 - x0, y1 - y0
    s = ppmm or min(4.0, 1800.0 / max(w, h))
    W, H = int(w * s) + 40, int(h * s) + 40

    def P(pt):
        return (20 + (pt[0] - x0) * s, 20 + (pt[1] - y0) * s)

    img = Image.new("RGB", (W, H), (255, 255, 255))
    d = ImageDraw.Draw(img, "RGBA")
    font = ImageFont.load_default()

    def poly(mp, fill=None, outline=None, width=1, dashed=False):
        for p in mp:
            for k, ring in enumerate(p):
                pts = [P(q) for q in ring]
                if len(pts) < 3:
                    continue
                if fill is not None:
                    d.polygon(pts, fill=fill if k == 0 else (255, 255, 255, 0))
                if outline is not None:
                    if dashed:
                        pts2 = pts + [pts[0]]
                        for i in range(0, len(pts2) - 1, 2):
                            d.line([pts2[i], pts2[i + 1]], fill=outline, width=width)
                    else:
                        d.line(pts + [pts[0]], fill=outline, width=width)

    poly(doc["skin"], fill=SKIN + (255,), outline=(120, 90, 70), width=2)
    if mode == "regions":
        cols = {}
        for i, r in enumerate(doc["regions"]):
            h = (i * 47) % 360
            import colorsys
            rgb = colorsys.hsv_to_rgb(h / 360.0, 0.35, 0.95)
            poly(r["polygons"], fill=tuple(int(255 * c) for c in rgb) + (255,), outline=(0, 90, 0, 255), width=1)
        for b in doc["bones"]:
            poly(b["polygons"], outline=(90, 90, 90, 140), width=1)
        for r in doc["regions"]:
            x, y = P(r["label"])
            d.text((x, y), r["region"] + ("" if r["side"] == "midline" else "/" + r["side"][0]), fill=(0, 0, 0),
                   font=font, anchor="mm")
        img.save(path)
        return
    for b in doc["bones"]:
        poly(b["polygons"], fill=(225, 225, 220, 120), outline=BONE + (255,), width=1)
    for m in doc["muscles"]:
        if m["layer"] == "deep":
            poly(m["full"], outline=(60, 60, 160, 255), width=1, dashed=True)
    for m in doc["muscles"]:
        if m["layer"] != "deep":
            c = _muscle_color(m["muscle"], m["side"])
            poly(m["visible"], fill=c + (150,), outline=(70, 10, 10, 255), width=1)
    for m in doc["muscles"]:
        if m["label"]:
            x, y = P(m["label"])
            d.text((x, y), m["muscle"], fill=(60, 0, 0) if m["layer"] != "deep" else (40, 40, 140), font=font,
                   anchor="mm")
    for t in doc["trigger_points"]:
        x, y = P(t["at"])
        r = 5
        d.line([(x - r, y - r), (x + r, y + r)], fill=(0, 0, 0), width=3)
        d.line([(x - r, y + r), (x + r, y - r)], fill=(0, 0, 0), width=3)
        d.text((x + 7, y - 7), f"{t['muscle'][:10]}:{t['id']}", fill=(0, 0, 0), font=font)
    d.text((10, 5), f"{doc['view']}  subject_right_on={doc['subject_right_on']} shows_side={doc['shows_side']}",
           fill=(0, 0, 0), font=font)
    img.save(path)


def _path(mp):
    out = []
    for p in mp:
        for ring in p:
            out.append("M" + " ".join(f"{x:g},{y:g}" for x, y in ring) + "Z")
    return "".join(out)


def svg(doc):
    x0, y0, x1, y1 = doc["bounds"]
    w, h = x1 - x0, y1 - y0
    o = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{x0:g} {y0:g} {w:g} {h:g}" '
         f'width="{w:g}mm" height="{h:g}mm">',
         f'<title>{doc["title"]} (BodyParts3D, CC BY-SA 2.1 JP; see ATTRIBUTION.md)</title>',
         f'<path d="{_path(doc["skin"])}" fill="#f0d6be" stroke="#785a46" stroke-width="0.6" fill-rule="evenodd"/>']
    sw = 0.25 if w < 500 else 0.6
    for b in doc["bones"]:
        o.append(f'<path d="{_path(b["polygons"])}" fill="#e6e6e0" fill-opacity="0.5" stroke="#999" '
                 f'stroke-width="{sw}" fill-rule="evenodd"/>')
    for m in doc["muscles"]:
        if m["layer"] == "deep":
            o.append(f'<path d="{_path(m["full"])}" fill="none" stroke="#3c3ca0" stroke-width="{sw}" '
                     f'stroke-dasharray="{sw * 4:g}" fill-rule="evenodd"/>')
    for m in doc["muscles"]:
        if m["layer"] != "deep" and m["visible"]:
            r, g, b = _muscle_color(m["muscle"], m["side"])
            o.append(f'<path d="{_path(m["visible"])}" fill="rgb({r},{g},{b})" fill-opacity="0.6" stroke="#460a0a" '
                     f'stroke-width="{sw}" fill-rule="evenodd"/>')
    for t in doc["trigger_points"]:
        x, y = t["at"]
        r = 2.0 if w < 500 else 5.0
        o.append(f'<path d="M{x - r:g},{y - r:g}L{x + r:g},{y + r:g}M{x - r:g},{y + r:g}L{x + r:g},{y - r:g}" '
                 f'stroke="#000" stroke-width="{sw * 2:g}"/>')
    o.append("</svg>")
    return "\n".join(o) + "\n"
