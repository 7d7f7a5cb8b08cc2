# Turns the interface element of the D-Bus introspection XML into a C string literal, so that
# the adaptor exports exactly the XML in the repository (its Q_CLASSINFO).
file(READ ${INPUT} xml)
string(REGEX MATCH "<interface name=\"io.github.tether.Tether1\">.*</interface>" interface "${xml}")
string(REGEX REPLACE "<!--[^>]*-->" "" interface "${interface}")
string(REPLACE "\\" "\\\\" interface "${interface}")
string(REPLACE "\"" "\\\"" interface "${interface}")
string(REGEX REPLACE "\n[ ]*" " " interface "${interface}")
file(WRITE ${OUTPUT} "// Generated from ${INPUT}; do not edit.\n#pragma once\n#define TETHER1_INTROSPECTION \"${interface}\"\n")
