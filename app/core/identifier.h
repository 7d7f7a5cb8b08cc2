#pragma once

#include <QLatin1StringView>
#include <QStringView>

namespace tether {

// Whether `text` is 1 to `maxLength` characters, each an ASCII digit or letter (lowercase only
// unless `uppercase`) or one of `punctuation`, the first a digit or letter. Account ids and
// profile ids; a loop instead of a regular expression, whose JIT compilation cost more than
// everything else `tether token` does before reading the keychain.
bool isIdentifier(QStringView text, qsizetype maxLength, bool uppercase,
                  QLatin1StringView punctuation);

} // namespace tether
