#!/usr/bin/env python3
"""Translations are complete and nothing user-visible escapes tr().

    check-translations.py SOURCE_DIR BUILD_DIR [GenerateLUpdateProject.cmake]

1. Each catalogue (resources/translations/tether_*.ts; English holds the plural forms only) is
   brought up to date with the sources by lupdate, into a scratch copy, exactly as
   `cmake --build build --target update_translations` would: any message still unfinished or
   empty there is a string added to the code without its translation ("1 account(s)").
2. Every translation keeps its source's placeholders (%1, %2, %n) and, for numerus messages,
   has every plural form.
3. A user-visible literal handed straight to a widget, a dialog, the status bar or the command
   line's output (setText("..."), QLabel(QStringLiteral("...")), m_io.error(QStringLiteral(...)),
   ...) instead of through tr() fails, with its file and line; a line that says why its text
   is not for translation ("// not translated: ...") is let through. So is any sentence (four
   words or more) in a QStringLiteral: user-visible sentences go through tr().
Exits 1 with one line per problem.
"""

import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

source, build = Path(sys.argv[1]), Path(sys.argv[2])
# Qt's script that turns the lupdate project CMake writes at configure time into the JSON that
# lupdate reads (update_translations does the same before it runs lupdate).
generator = Path(sys.argv[3]) if len(sys.argv) > 3 else None
problems = []


def placeholders(text):
    return sorted(re.findall(r"%(?:n|\d)", text or ""))


lupdate = shutil.which("lupdate") or "/usr/lib/qt6/bin/lupdate"
projects = build / "resources" / "translations" / ".lupdate"
with tempfile.TemporaryDirectory() as scratch:
    for ts in sorted((source / "resources" / "translations").glob("tether_*.ts")):
        english = ts.name == "tether_en.ts"
        project = projects / ("tether_ui_project.json" if english else "tether_core_project.json")
        if not project.exists() and generator and project.with_suffix(".cmake").exists():
            generated = Path(scratch) / project.name
            subprocess.run(["cmake", f"-DIN_FILE={project.with_suffix('.cmake')}", f"-DOUT_FILE={generated}",
                            "-P", str(generator)], check=True, capture_output=True)
            project = generated
        copy = Path(scratch) / ts.name
        shutil.copy(ts, copy)
        if project.exists():
            subprocess.run([lupdate, "-project", str(project), "-ts", str(copy), "-locations", "none",
                            "-no-obsolete", "-silent", *(["-pluralonly"] if english else [])],
                           check=True, capture_output=True)
        else:
            problems.append(f"{project} is missing: configure the build first")
        for context in ET.parse(copy).getroot().iter("context"):
            name = context.findtext("name")
            for message in context.iter("message"):
                src = message.findtext("source")
                translation = message.find("translation")
                forms = [f.text or "" for f in translation.iter("numerusform")] \
                    if message.get("numerus") == "yes" else [translation.text or ""]
                if translation.get("type") == "unfinished" or not all(f.strip() for f in forms):
                    problems.append(f"{ts.name}: {name}: not translated: {src!r}")
                    continue
                if message.get("numerus") == "yes" and len(forms) < 2:
                    problems.append(f"{ts.name}: {name}: a plural form is missing: {src!r}")
                for form in forms:
                    if placeholders(form) != placeholders(src) and src != "QT_LAYOUT_DIRECTION":
                        problems.append(f"{ts.name}: {name}: placeholders differ: {src!r} -> {form!r}")

# User-visible sinks that must be given translated text.
SINK = re.compile(
    r"\b(setText|setWindowTitle|setPlaceholderText|setToolTip|setStatusTip|setWhatsThis|"
    r"setAccessibleName|setAccessibleDescription|showMessage|addMenu|addRow|setInformativeText|"
    r"QLabel|QPushButton|QCheckBox|QGroupBox|QMessageBox::\w+|m_io\.error|m_io\.line|"
    r"m_io\.warning|io\.error|io\.line|io\.warning)\s*\(\s*(?:QStringLiteral|QLatin1String|u)?\(?\s*\"([^\"]*)\"")
SENTENCE = re.compile(r'QStringLiteral\("([^"]*( [^" ]+){3,})')
for path in sorted(p for d in ("app", "ui", "demo") for p in (source / d).rglob("*.cpp")):
    previous = ""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if "// not translated:" in line or "// not translated:" in previous:
            previous = line
            continue
        previous = line
        for match in SENTENCE.finditer(line):
            problems.append(f"{path.relative_to(source)}:{number}: a sentence outside tr(): {match.group(1)!r}")
        for match in SINK.finditer(line):
            text = match.group(2)
            # Text with words in it; not a separator, a format of placeholders or a URL.
            if re.search(r"[A-Za-z]{2,}", text) and not re.fullmatch(r"[%\d\s:;,.()\-·—/]*|https?://\S*", text):
                problems.append(f"{path.relative_to(source)}:{number}: a literal bypasses tr(): {text!r}")

for problem in problems:
    print(problem)
if problems:
    sys.exit(1)
print("translations: every catalogue complete, no literal outside tr()")
