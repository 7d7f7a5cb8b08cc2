#pragma once

#include <QString>

namespace tether::text {

// Text from a server (error_description, a page's title, an `iss`) made safe to print, store
// and show: control characters (C0, DEL, C1 — terminal escape sequences among them) and
// Unicode format characters (bidirectional overrides) removed, white space collapsed, at most
// `maxLength` characters with an ellipsis.
QString fromServer(const QString &text, qsizetype maxLength = 200);

// Text for a terminal, as it is but for what would act on the terminal instead of showing:
// control characters other than line breaks and tabs (escape sequences among them) and Unicode
// format characters (bidirectional overrides). Every line the command line prints passes here.
QString forTerminal(const QString &text);

// Whether a token is printable as RFC 6750's b64token: 1*( ALPHA / DIGIT / "-" / "." / "_" /
// "~" / "+" / "/" ) *"=". An access or refresh token outside that set could not be sent in an
// Authorization header without changing its meaning (a CR LF would start a header of its own).
bool isB64Token(const QString &token);

} // namespace tether::text
