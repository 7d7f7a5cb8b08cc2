#pragma once

#include <QString>

namespace tether {

// A form of a secret that is safe to log: its length and a short fingerprint, never its text.
QString redacted(const QString &secret);

} // namespace tether
