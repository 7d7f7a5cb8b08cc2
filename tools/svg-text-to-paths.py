#!/usr/bin/python3
"""Replaces each <text> of the given SVG icons by the outline of its letters, as a <path>.

An icon that asks for "sans-serif" looks different on every machine and makes Qt's SVG renderer
look up, load and shape a font before the first row of the window can be drawn; an outline is
the same everywhere and is only filled. Run it when adding a provider icon written with <text>:

    tools/svg-text-to-paths.py /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf ICON.svg...

Needs python3-fonttools (Debian). Handles the <text> this project writes: x, y, font-size,
fill and text-anchor (start or middle) on one element with plain text.
"""
import re
import sys

from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.pens.transformPen import TransformPen
from fontTools.ttLib import TTFont

TEXT = re.compile(r'<text\b([^>]*)>([^<]*)</text>')


def attribute(attributes, name, default=None):
    found = re.search(r'\b%s="([^"]*)"' % re.escape(name), attributes)
    return found.group(1) if found else default


def outline(font, text, x, y, size, anchor):
    glyphs = font.getGlyphSet()
    cmap = font.getBestCmap()
    scale = size / font["head"].unitsPerEm
    names = [cmap[ord(c)] for c in text]
    width = sum(font["hmtx"][n][0] for n in names) * scale
    pen_x = x - width / 2 if anchor == "middle" else x
    pen = SVGPathPen(glyphs, ntos=lambda v: ("%.2f" % v).rstrip("0").rstrip("."))
    for name in names:
        # Font units grow upwards; SVG's y grows downwards from the baseline.
        glyphs[name].draw(TransformPen(pen, (scale, 0, 0, -scale, pen_x, y)))
        pen_x += font["hmtx"][name][0] * scale
    return pen.getCommands()


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: svg-text-to-paths.py FONT.ttf ICON.svg...")
    font = TTFont(sys.argv[1])
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8") as f:
            svg = f.read()

        def replace(match):
            attributes, text = match.group(1), match.group(2)
            d = outline(font, text, float(attribute(attributes, "x", "0")),
                        float(attribute(attributes, "y", "0")),
                        float(attribute(attributes, "font-size", "16")),
                        attribute(attributes, "text-anchor", "start"))
            fill = attribute(attributes, "fill", "#000000")
            return '<path d="%s" fill="%s"><title>%s</title></path>' % (d, fill, text)

        converted, count = TEXT.subn(replace, svg)
        if count:
            with open(path, "w", encoding="utf-8") as f:
                f.write(converted)
        print("%s: %d text element(s) outlined" % (path, count))


if __name__ == "__main__":
    main()
