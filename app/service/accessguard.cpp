#include "accessguard.h"

#include "core/clock.h"
#include "service/notifier.h"

#include <QLoggingCategory>
#include <QTimer>

#include <algorithm>

namespace tether {

Q_LOGGING_CATEGORY(lcGuard, "tether.guard", QtInfoMsg)

namespace {

const QString kAllow = QStringLiteral("allow");
const QString kDeny = QStringLiteral("deny");
const QString kOnce = QStringLiteral("allow-once");
const QString kAlways = QStringLiteral("allow-always");

QString key(const QString &account, const QString &program)
{
    return account + QLatin1Char('\n') + program;
}

} // namespace

AccessGuard::AccessGuard(Notifier *notifier, AccessList *access, QString ownExecutable,
                         quint32 ownUid, QObject *parent)
    : QObject(parent),
      m_notifier(notifier),
      m_access(access),
      m_ownExecutable(std::move(ownExecutable)),
      m_ownUid(ownUid),
      m_useFlush(new QTimer(this))
{
    if (m_notifier)
        connect(m_notifier, &Notifier::questionAnswered, this, &AccessGuard::onNotificationAnswer);
    // The deadline can be shortened for tests (bounded: a question is always answerable).
    if (const int ms = qEnvironmentVariableIntValue("TETHER_ANSWER_TIMEOUT_MS"); ms > 0)
        m_answerMs = std::clamp(ms, 1'000, kAnswerMs);
    m_useFlush->setSingleShot(true);
    m_useFlush->setInterval(kUseFlushMs);
    connect(m_useFlush, &QTimer::timeout, this, &AccessGuard::flushUse);
}

AccessGuard::~AccessGuard()
{
    flushUse();
}

QStringList AccessGuard::secretRoutes(const AccountEdit &edit, const AccountConfig &current)
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

void AccessGuard::identify(const QDBusConnection &bus, const QDBusMessage &call,
                           const Callback<const Caller &, bool> &done)
{
    identifyCaller(bus, call.service(), m_ownExecutable, this, [this, done](const Caller &caller) {
        done(caller, caller.isUsersOwnTether(m_ownExecutable, m_ownUid));
    });
}

void AccessGuard::confirm(const QDBusConnection &bus, const QDBusMessage &call,
                          const Request &request, const Reply &done)
{
    identify(bus, call, {this, [this, request, done](const Caller &caller, bool own) {
                             if (own)
                                 return done(std::nullopt);
                             ask(caller, request, done);
                         }});
}

void AccessGuard::authorizeToken(const QDBusConnection &bus, const QDBusMessage &call,
                                 const QString &account, const QString &name, const Reply &done)
{
    identify(bus, call, {this, [this, account, name, done](const Caller &caller, bool own) {
                             if (own)
                                 return done(std::nullopt);
                             const auto verdict =
                                     caller.program.isEmpty() || !m_access
                                             ? std::nullopt
                                             : m_access->verdict(account, caller.program);
                             if (verdict == AccessDecision::Verdict::Allow) {
                                 tokenTaken(account, caller.program);
                                 return done(std::nullopt);
                             }
                             if (verdict == AccessDecision::Verdict::Deny)
                                 return done(Failure::accessDenied(
                                         tr("%1 is refused the token of “%2” (you denied it); "
                                            "`tether access allow %3 %1` allows it")
                                                 .arg(caller.program, name, account)));
                             askForToken(caller, account, name, done);
                         }});
}

void AccessGuard::ask(const Caller &caller, const Request &request, const Reply &done)
{
    const QString program = caller.displayName();
    const Failure denial = Failure::accessDenied(
            request.change == Change::AllowProgram
                    ? tr("%1 was not allowed to decide which programs may take the token of "
                         "“%2”: the change was denied or not answered in time; decide in "
                         "Tether's window or with `tether access` in a terminal")
                              .arg(program, request.accountName)
                    : tr("%1 was not allowed to change “%2”: the change was denied or not "
                         "answered in time; make it in Tether's window or with the tether "
                         "command in a terminal")
                              .arg(program, request.accountName));
    qCInfo(lcGuard, "%s asks to change %s", qPrintable(program), qPrintable(request.accountName));
    if (!m_notifier)
        return done(denial);
    QString title;
    QString body;
    switch (request.change) {
    case Change::SecretRoutes:
        title = tr("Allow %1 to change where “%2” sends its secrets?")
                        .arg(program, request.accountName);
        body = tr("New settings: %1. Allow this only if you are making this change yourself.")
                       .arg(request.details);
        break;
    case Change::ReplaceTokens:
        title = tr("Allow %1 to replace the tokens of “%2”?").arg(program, request.accountName);
        body = tr("The account's sign-in would be replaced by tokens this program brings. Allow "
                  "this only if you are importing them yourself.");
        break;
    case Change::AllowProgram:
        title = tr("Allow %1 to let %2 take the token of “%3”?")
                        .arg(program, request.details, request.accountName);
        body = tr("%1 could then take the account's access token at any time without asking. "
                  "Allow this only if you are setting this up yourself.")
                       .arg(request.details);
        break;
    }
    open(caller, title, body, {{kDeny, tr("Deny")}, {kAllow, tr("Allow")}}, {{done, denial}});
}

void AccessGuard::askForToken(const Caller &caller, const QString &account, const QString &name,
                              const Reply &done)
{
    const QString program = caller.displayName();
    const Failure denial = Failure::accessDenied(
            tr("%1 was not allowed to take the token of “%2”: it was denied or not answered in "
               "time; `tether access allow %3 %1` allows it")
                    .arg(program, name, account));
    qCInfo(lcGuard, "%s asks for the token of %s", qPrintable(program), qPrintable(account));
    if (!m_notifier)
        return done(denial);
    // Calls of one program for one account wait for one question together.
    const QString waiting = m_tokenQuestions.value(key(account, caller.program));
    if (!waiting.isEmpty()) {
        m_pending[waiting].waiters.append({done, denial});
        return;
    }
    const bool remembered = !caller.program.isEmpty() && m_access;
    const QString title = tr("%1 wants the access token of “%2”").arg(program, name);
    const QString body =
            caller.flatpakAppId.isEmpty()
                    ? tr("With it, %1 can use the account as you until the token expires.")
                              .arg(program)
                    : tr("With it, the sandboxed application %1 can use the account as you until "
                         "the token expires.")
                              .arg(program);
    QList<Notifier::Choice> choices{{kDeny, tr("Deny")}, {kOnce, tr("Allow once")}};
    if (remembered)
        choices.append({kAlways, tr("Always allow")});
    open(caller, title, body, choices, {{done, denial}}, account,
         remembered ? caller.program : QString());
}

void AccessGuard::open(const Caller &caller, const QString &title, const QString &body,
                       const QList<Notifier::Choice> &choices, const QList<Waiter> &waiters,
                       const QString &account, const QString &program)
{
    const QString question = QStringLiteral("q%1").arg(++m_asked);
    auto *deadline = new QTimer(this);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, this, [this, question] {
        if (m_notifier)
            m_notifier->withdrawQuestion(question);
        settle(question, QString());
    });
    QStringList keys;
    for (const Notifier::Choice &choice : choices)
        keys << choice.key;
    // The window asks too, unless the window is the caller (it never needs to ask itself).
    const QString window = caller.window ? QString() : caller.windowOwner;
    m_pending.insert(question, {waiters, deadline, account, program, keys, window});
    if (!account.isEmpty() && !program.isEmpty())
        m_tokenQuestions.insert(key(account, program), question);
    deadline->start(m_answerMs);
    if (!window.isEmpty())
        Q_EMIT questionAsked(question, window, title, body, choices);
    m_notifier->ask(question, title, body, choices);
}

void AccessGuard::onNotificationAnswer(const QString &question, const QString &answer)
{
    // No notification server, or the notification dismissed: while the window shows the
    // question, the window's answer (or the deadline) decides.
    if (answer.isEmpty() && !m_pending.value(question).window.isEmpty())
        return;
    settle(question, answer);
}

void AccessGuard::answerFromWindow(const QString &question, const QString &answer)
{
    const auto pending = m_pending.constFind(question);
    if (pending == m_pending.cend() || (!answer.isEmpty() && !pending->choices.contains(answer)))
        return; // answered already, or not an answer it takes
    if (m_notifier)
        m_notifier->withdrawQuestion(question);
    settle(question, answer);
}

void AccessGuard::settle(const QString &question, const QString &answer)
{
    const auto pending = m_pending.find(question);
    if (pending == m_pending.end())
        return; // answered already, or not ours
    const Pending waiting = *pending;
    m_pending.erase(pending);
    m_tokenQuestions.remove(key(waiting.account, waiting.program));
    waiting.deadline->deleteLater();
    if (!waiting.window.isEmpty())
        Q_EMIT questionSettled(question, waiting.window);
    const bool token = !waiting.account.isEmpty();
    const bool allowed = token ? answer == kOnce || answer == kAlways : answer == kAllow;
    if (token && m_access && !waiting.program.isEmpty() && (answer == kAlways || answer == kDeny)) {
        // Remembered, so that the program is not asked again; a write that fails is said in
        // the log and the answer still holds for the calls waiting now.
        const auto verdict =
                answer == kAlways ? AccessDecision::Verdict::Allow : AccessDecision::Verdict::Deny;
        if (const auto failure =
                    m_access->decide(waiting.account, waiting.program, verdict,
                                     AccessDecision::kAnswered, SystemClock::instance().nowUtc()))
            qCWarning(lcGuard, "%s", qPrintable(failure->message));
    }
    if (token && allowed)
        tokenTaken(waiting.account, waiting.program);
    for (const Waiter &waiter : waiting.waiters)
        waiter.done(allowed ? std::nullopt : std::optional(waiter.denial));
}

void AccessGuard::tokenTaken(const QString &account, const QString &program)
{
    if (!m_access || program.isEmpty())
        return;
    m_access->used(account, program, SystemClock::instance().nowUtc());
    if (!m_useFlush->isActive())
        m_useFlush->start();
}

void AccessGuard::flushUse()
{
    if (!m_access)
        return;
    if (const auto failure = m_access->flush())
        qCWarning(lcGuard, "%s", qPrintable(failure->message));
}

} // namespace tether
