#pragma once

#include <QByteArray>
#include <QString>

namespace tether {

// Replaces a file's contents all at once: written to a new file beside it, flushed to the disk,
// then renamed over the old one. A crash or a full disk leaves the old file whole. Every write is
// checked as it happens: QSaveFile, used before, reported success on a full tmpfs and left an
// empty file in place of the account registry (test_disk found it).
// Returns an empty string on success, else why it failed (the old file is untouched).
QString writeFileAtomically(const QString &path, const QByteArray &content, int permissions = 0600);

} // namespace tether
