#!/usr/bin/env python3
"""Fills the plural forms of resources/translations/tether_en.ts, which holds nothing but
them: "%n day(s)" becomes "%n day" / "%n days", with the verb that follows agreeing
("%n account(s) need attention" -> "%n account needs attention"). Entries already translated
are left as they are. Run after `cmake --build build --target update_translations`."""

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

PATH = Path(__file__).resolve().parents[1] / "resources/translations/tether_en.ts"
VERBS = {"need": "needs", "are": "is", "have": "has", "were": "was"}


def singular(text):
    def agree(match):
        verb = match.group(2)
        return match.group(1) + VERBS.get(verb, verb)
    text = re.sub(r"\(s\)(\s+)(need|are|have|were)\b", lambda m: m.group(1) + VERBS[m.group(2)], text)
    return text.replace("(s)", "")


def plural(text):
    return text.replace("(s)", "s")


def main():
    tree = ET.parse(PATH)
    filled = 0
    for message in tree.iter("message"):
        if message.get("numerus") != "yes":
            continue
        translation = message.find("translation")
        forms = translation.findall("numerusform")
        if translation.get("type") != "unfinished" and all((f.text or "").strip() for f in forms):
            continue
        source = message.find("source").text
        for form in forms:
            translation.remove(form)
        for text in (singular(source), plural(source)):
            ET.SubElement(translation, "numerusform").text = text
        translation.attrib.pop("type", None)
        filled += 1
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    PATH.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n")
    print(f"{PATH.name}: {filled} plural entries filled")


if __name__ == "__main__":
    sys.exit(main())
