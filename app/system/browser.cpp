#include "browser.h"

#include <QProcess>
#include <QStandardPaths>

namespace tether {

bool openInBrowser(const QUrl &url)
{
    const QString link = url.toString(QUrl::FullyEncoded);
    QStringList commands;
    const QString browser = qEnvironmentVariable("BROWSER");
    if (!browser.isEmpty())
        commands = browser.split(QLatin1Char(':'), Qt::SkipEmptyParts);
    else
        commands << QStringLiteral("xdg-open");
    for (const QString &command : commands) {
        QStringList words = QProcess::splitCommand(command);
        if (words.isEmpty())
            continue;
        bool placed = false;
        for (QString &word : words) {
            if (word.contains(QLatin1String("%s"))) {
                word.replace(QLatin1String("%s"), link);
                placed = true;
            }
        }
        if (!placed)
            words << link;
        const QString program = words.takeFirst();
        if (QStandardPaths::findExecutable(program).isEmpty()
            && !program.contains(QLatin1Char('/')))
            continue;
        // The URL goes as an argument, never through a shell.
        if (QProcess::startDetached(program, words))
            return true;
    }
    return false;
}

} // namespace tether
