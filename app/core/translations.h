#pragma once

class QCoreApplication;

namespace tether {

// Loads Tether's messages and Qt's own (qtbase) in the user's language (QLocale's, from LANG and
// LC_*), so that everything — the window, Qt's buttons, notifications and the command line —
// speaks it. English loads too: its catalogue holds the plural forms.
void installTranslations(QCoreApplication &application);

} // namespace tether
