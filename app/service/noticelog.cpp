#include "noticelog.h"

#include "core/atomicfile.h"
#include "core/isotime.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tether {

namespace {

constexpr qint64 kMaxFileSize = 1024 * 1024;

} // namespace

NoticeLog::NoticeLog(QString path) : m_path(std::move(path)) { }

bool NoticeLog::firstTime(const QString &account, const QDateTime &expiresAt, int daysBefore)
{
    QJsonObject all;
    QFile file(m_path);
    if (file.size() <= kMaxFileSize && file.open(QIODevice::ReadOnly))
        all = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    QJsonObject entry = all.value(account).toObject();
    const QString end = isotime::write(expiresAt);
    if (entry.value(QStringLiteral("expires_at")).toString() != end)
        entry = {{QStringLiteral("expires_at"), end}, {QStringLiteral("days"), QJsonArray()}};
    QJsonArray days = entry.value(QStringLiteral("days")).toArray();
    // The one-day warning makes the three-day one moot.
    for (const auto &shown : std::as_const(days)) {
        if (shown.toInt() <= daysBefore)
            return false;
    }
    days.append(daysBefore);
    entry.insert(QStringLiteral("days"), days);
    all.insert(account, entry);
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    (void)writeFileAtomically(m_path, QJsonDocument(all).toJson(QJsonDocument::Compact));
    return true;
}

} // namespace tether
