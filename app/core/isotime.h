#pragma once

#include <QDateTime>
#include <QString>
#include <QStringView>

// Instants as Tether writes them everywhere (the registry, `status --json`, the D-Bus API):
// ISO 8601 in UTC to the second, "2026-11-22T05:52:07Z". Written and read without Qt's general
// ISO 8601 code, which a thousand accounts call five thousand times on every load and every
// ListAccounts (docs/performance.md); any other valid ISO 8601 text is still read.
namespace tether::isotime {

// Empty for an invalid QDateTime.
QString write(const QDateTime &instant);
// Invalid for empty or unreadable text; always UTC.
QDateTime read(QStringView text);

} // namespace tether::isotime
