#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace tether {

void installTranslations(QCoreApplication &application)
{
    const QLocale locale;
    const bool english = locale.language() == QLocale::English || locale.language() == QLocale::C;
    auto *tether = new QTranslator(&application);
    // A language without a catalogue of its own gets the English one: its plural forms.
    if (tether->load(locale, QStringLiteral("tether"), QStringLiteral("_"),
                     QStringLiteral(":/i18n"))
        || tether->load(QStringLiteral(":/i18n/tether_en.qm")))
        QCoreApplication::installTranslator(tether);
    else
        delete tether;
    if (english)
        return;
    auto *qt = new QTranslator(&application);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
}

} // namespace tether
