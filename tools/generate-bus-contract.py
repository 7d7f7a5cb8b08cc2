#!/usr/bin/env python3
"""Writes the client side of Tether's D-Bus contract from the introspection XML.

    generate-bus-contract.py INTERFACE.xml PROTOCOL_H CLIENT_H
    generate-bus-contract.py INTERFACE.xml --readme README.md [--check]

PROTOCOL_H has no Qt: each method's and signal's name and signatures, for the executable's
libdbus call (app/main.cpp). CLIENT_H has, per method, a function that builds the call with typed
arguments and the QDBusPendingReply type of its answer; per signal, a function that connects it
with the signature the XML gives. A client written against these does not compile when the XML
changes under it; the service's side is qdbusxml2cpp's adaptor (app/CMakeLists.txt).
"""

import sys
import xml.etree.ElementTree as ET

QT_TYPES = {
    "s": "QString",
    "b": "bool",
    "i": "int",
    "u": "uint",
    "x": "qint64",
    "t": "quint64",
    "ay": "QByteArray",
    "as": "QStringList",
    "a{sv}": "QVariantMap",
    "aa{sv}": "QList<QVariantMap>",
    "a(ssssxxxxxsssbbs)": "QList<tether::bus::AccountRow>",  # ListAccountRows: backend/accountrow.h
}


def qt_type(signature, where):
    if signature not in QT_TYPES:
        sys.exit(f"generate-bus-contract: {where}: no Qt type for the D-Bus type '{signature}'")
    return QT_TYPES[signature]


def parameter(qt):
    return qt if qt in ("bool", "int", "uint", "qint64", "quint64") else f"const {qt} &"


def identifier(name):
    """An argument name as a C++ identifier (the XML's are snake_case already)."""
    return name if name.isidentifier() else "arg"


def described_members(source):
    """(kind, name, args, description) of each member, the description from the comment above it."""
    root = ET.parse(source, parser=ET.XMLParser(target=ET.TreeBuilder(insert_comments=True))).getroot()
    interface = root.find("interface")
    members, comment = [], ""
    for node in interface:
        if node.tag is ET.Comment:
            text = " ".join(node.text.split())
            comment = "" if text.startswith("For Tether's window") else text
            continue
        args = [(a.get("name"), a.get("type"), a.get("direction", "in" if node.tag == "method" else "out"))
                for a in node.findall("arg")]
        members.append((node.tag, node.get("name"), args, comment, node.get("type"), node.get("access")))
        comment = ""
    return members


def readme_table(source):
    rows = ["| member | arguments | what it does |", "|---|---|---|"]
    for kind, name, args, description, type_, access in described_members(source):
        if kind == "method":
            ins = ", ".join(f"{t} {n}" for n, t, d in args if d == "in")
            outs = ", ".join(f"{t} {n}" for n, t, d in args if d == "out")
            shape = f"({ins})" + (f" → ({outs})" if outs else "")
        elif kind == "signal":
            shape = "signal (" + ", ".join(f"{t} {n}" for n, t, _ in args) + ")"
        else:
            shape = f"property {type_}, {access}"
        rows.append(f"| `{name}` | `{shape}` | {description.replace('|', '/')} |")
    return "\n".join(rows)


BEGIN = "<!-- api: generated from resources/dbus/io.github.tether.Tether1.xml by tools/generate-bus-contract.py -->"
END = "<!-- api: end -->"


def readme(source, path, check):
    text = open(path).read()
    if BEGIN not in text or END not in text:
        sys.exit(f"generate-bus-contract: {path} has no generated API section ({BEGIN} … {END})")
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    wanted = f"{head}{BEGIN}\n{readme_table(source)}\n{END}{tail}"
    if wanted == text:
        return
    if check:
        sys.exit(f"generate-bus-contract: the API section of {path} differs from {source}; "
                 "run `make docs` to write it anew")
    with open(path, "w") as f:
        f.write(wanted)


def main():
    if len(sys.argv) >= 4 and sys.argv[2] == "--readme":
        return readme(sys.argv[1], sys.argv[3], "--check" in sys.argv[4:])
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    source, protocol_h, client_h = sys.argv[1:]
    root = ET.parse(source).getroot()
    interfaces = root.findall("interface")
    if len(interfaces) != 1:
        sys.exit("generate-bus-contract: the XML must describe exactly one interface")
    interface = interfaces[0]

    methods, signals = [], []
    for member in interface:
        args = [(a.get("name"), a.get("type"), a.get("direction", "in" if member.tag == "method" else "out"))
                for a in member.findall("arg")]
        if member.tag == "method":
            methods.append((member.get("name"), args))
        elif member.tag == "signal":
            signals.append((member.get("name"), args))

    header = f"// Generated from {source.split('/')[-1]} by tools/generate-bus-contract.py; do not edit.\n"

    p = [header, "#pragma once\n", "// The names and signatures of every member, without Qt.",
         "namespace tether::bus::contract {\n",
         f"inline constexpr char kInterface[] = \"{interface.get('name')}\";\n"]
    for name, args in methods:
        ins = "".join(t for _, t, d in args if d == "in")
        outs = "".join(t for _, t, d in args if d == "out")
        p.append(f"struct {name}\n{{\n    static constexpr const char *name = \"{name}\";")
        p.append(f"    static constexpr const char *in = \"{ins}\";")
        p.append(f"    static constexpr const char *out = \"{outs}\";\n}};")
    for name, args in signals:
        sig = "".join(t for _, t, _ in args)
        p.append(f"struct {name}\n{{\n    static constexpr const char *name = \"{name}\";")
        p.append(f"    static constexpr const char *signature = \"{sig}\";\n}};")
    p.append("\n} // namespace tether::bus::contract\n")

    c = [header, "#pragma once\n", "#include \"tether1_protocol.h\"\n",
         "#include <QByteArray>", "#include <QDBusConnection>", "#include <QDBusMessage>",
         "#include <QDBusPendingReply>", "#include <QList>", "#include <QString>",
         "#include <QStringList>", "#include <QVariantMap>\n",
         "#include \"backend/accountrow.h\"", "#include \"backend/busprotocol.h\"\n",
         "// Every call of the interface, built with its types; never starting the service by itself",
         "// (a caller that wants it started says so: BusClient::ensureService).",
         f"namespace tether::bus::call {{\n",
         "inline QDBusMessage make(const char *method, const QVariantList &arguments)",
         "{",
         "    QDBusMessage message = QDBusMessage::createMethodCall(",
         "            QString::fromLatin1(protocol::kService), QString::fromLatin1(protocol::kPath),",
         "            QString::fromLatin1(contract::kInterface), QString::fromLatin1(method));",
         "    message.setArguments(arguments);",
         "    message.setAutoStartService(false);",
         "    return message;",
         "}\n"]
    for name, args in methods:
        ins = [(identifier(n), qt_type(t, f"{name}({n})")) for n, t, d in args if d == "in"]
        outs = [qt_type(t, f"{name}({n})") for n, t, d in args if d == "out"]
        params = ", ".join(f"{parameter(t)}{'' if parameter(t).endswith('&') else ' '}{n}" for n, t in ins)
        values = ", ".join(f"QVariant::fromValue({n})" for n, _ in ins)
        c.append(f"inline QDBusMessage {name}({params})")
        c.append("{")
        c.append(f"    return make(contract::{name}::name, {{{values}}});")
        c.append("}\n")
    c.append("} // namespace tether::bus::call\n")
    c.append("// What each call answers.")
    c.append("namespace tether::bus::reply {\n")
    for name, args in methods:
        outs = [qt_type(t, f"{name}({n})") for n, t, d in args if d == "out"]
        c.append(f"using {name} = QDBusPendingReply<{', '.join(outs)}>;")
    c.append("\n} // namespace tether::bus::reply\n")
    c.append("// Every signal, connected with the signature the XML gives: QtDBus refuses (returns false)")
    c.append("// a slot whose parameters do not match it.")
    c.append("namespace tether::bus::listen {\n")
    for name, args in signals:
        c.append(f"inline bool {name}(QDBusConnection bus, QObject *receiver, const char *slot)")
        c.append("{")
        c.append("    return bus.connect(QString::fromLatin1(protocol::kService),")
        c.append("                       QString::fromLatin1(protocol::kPath),")
        c.append("                       QString::fromLatin1(contract::kInterface),")
        c.append(f"                       QString::fromLatin1(contract::{name}::name),")
        c.append(f"                       QString::fromLatin1(contract::{name}::signature), receiver, slot);")
        c.append("}\n")
    c.append("} // namespace tether::bus::listen\n")

    for path, lines in ((protocol_h, p), (client_h, c)):
        text = "\n".join(lines)
        try:
            with open(path) as f:
                if f.read() == text:
                    continue  # unchanged: nothing that includes it rebuilds
        except FileNotFoundError:
            pass
        with open(path, "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
