#include "changeguard.h"

#include "service/notifier.h"

#include <QLoggingCategory>
#include <QTimer>

namespace tether {

Q_LOGGING_CATEGORY(lcGuard, "tether.guard", QtInfoMsg)

ChangeGuard::ChangeGuard(Notifier *notifier, QString ownExecutable, quint32 ownUid, QObject *parent)
    : QObject(parent),
      m_notifier(notifier),
      m_ownExecutable(std::move(ownExecutable)),
      m_ownUid(ownUid)
{
    if (m_notifier)
        connect(m_notifier, &Notifier::questionAnswered, this, &ChangeGuard::settle);
}

ChangeGuard::~ChangeGuard() = default;

QStringList ChangeGuard::secretRoutes(const AccountEdit &edit, const AccountConfig &current)
{
    QStringList changed;
    auto text = [&](const std::optional<QString> &value, const QString &now, const QString &what) {
        if (value && value->trimmed() != now)
            changed << tr("%1: %2").arg(what, value->trimmed().isEmpty() ? tr("the provider's")
                                                                         : value->trimmed());
    };
    text(edit.tokenEndpoint, current.tokenEndpoint, tr("token endpoint"));
    text(edit.authorizationEndpoint, current.authorizationEndpoint, tr("authorization endpoint"));
    text(edit.revocationEndpoint, current.revocationEndpoint, tr("revocation endpoint"));
    text(edit.deviceAuthorizationEndpoint, current.deviceAuthorizationEndpoint,
         tr("device sign-in endpoint"));
    text(edit.issuer, current.issuer, tr("issuer"));
    text(edit.redirectUri, current.redirectUri, tr("redirect URI"));
    if (edit.clientAuth && *edit.clientAuth != current.clientAuth)
        changed << tr("client authentication: %1")
                           .arg(*edit.clientAuth ? nameOf(**edit.clientAuth)
                                                 : tr("the provider's"));
    if (edit.allowInsecureHttp && *edit.allowInsecureHttp && !current.allowInsecureHttp)
        changed << tr("plain http allowed");
    return changed;
}

void ChangeGuard::confirm(const QDBusConnection &bus, const QDBusMessage &call,
                          const Request &request,
                          const Callback<const std::optional<Failure> &> &done)
{
    identifyCaller(bus, call.service(), this, [this, request, done](const Caller &caller) {
        if (caller.isUsersOwnTether(m_ownExecutable, m_ownUid))
            return done(std::nullopt);
        ask(caller, request, done);
    });
}

void ChangeGuard::ask(const Caller &caller, const Request &request,
                      const Callback<const std::optional<Failure> &> &done)
{
    const QString program = caller.displayName();
    const Failure denial = Failure::accessDenied(
            tr("%1 was not allowed to change “%2”: the change was denied or not answered in time; "
               "make it in Tether's window or with the tether command in a terminal")
                    .arg(program, request.accountName));
    qCInfo(lcGuard, "%s asks to change %s", qPrintable(program), qPrintable(request.accountName));
    if (!m_notifier)
        return done(denial);
    const QString question = QStringLiteral("q%1").arg(++m_asked);
    auto *deadline = new QTimer(this);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, this, [this, question] {
        if (m_notifier)
            m_notifier->withdrawQuestion(question);
        settle(question, false);
    });
    m_pending.insert(question, {done, denial, deadline});
    deadline->start(kAnswerMs);
    if (request.change == Change::SecretRoutes)
        m_notifier->ask(question,
                        tr("Allow %1 to change where “%2” sends its secrets?")
                                .arg(program, request.accountName),
                        tr("New settings: %1. Allow this only if you are making this change "
                           "yourself.")
                                .arg(request.details));
    else
        m_notifier->ask(
                question,
                tr("Allow %1 to replace the tokens of “%2”?").arg(program, request.accountName),
                tr("The account's sign-in would be replaced by tokens this program "
                   "brings. Allow this only if you are importing them yourself."));
}

void ChangeGuard::settle(const QString &question, bool allowed)
{
    const auto pending = m_pending.find(question);
    if (pending == m_pending.end())
        return; // answered already, or not ours
    const Pending waiting = *pending;
    m_pending.erase(pending);
    waiting.deadline->deleteLater();
    waiting.done(allowed ? std::nullopt : std::optional(waiting.denial));
}

} // namespace tether
