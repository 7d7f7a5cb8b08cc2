#pragma once

#include <QDateTime>
#include <QString>

namespace tether {

// Which refresh-token expiry warnings the user has seen, per account and end, kept across
// restarts of the service (notices.json beside the account registry, no secrets): a warning
// already shown for an end is not shown again, and a new end starts afresh.
class NoticeLog
{
public:
    explicit NoticeLog(QString path);

    // Whether the warning `daysBefore` the end `expiresAt` of `account` still needs showing;
    // records it as shown when it does (a failed write is not worth a second warning).
    bool firstTime(const QString &account, const QDateTime &expiresAt, int daysBefore);

private:
    QString m_path;
};

} // namespace tether
