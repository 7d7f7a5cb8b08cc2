#include "notifier.h"

#include "core/humantime.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>
#include <QFileInfo>
#include <QLoggingCategory>

namespace tether {

Q_LOGGING_CATEGORY(lcNotify, "tether.notify", QtInfoMsg)

namespace {

const QString kDesktopEntry = QStringLiteral("io.github.tether.Tether");
const QString kNotifications = QStringLiteral("org.freedesktop.Notifications");
const QString kNotificationsPath = QStringLiteral("/org/freedesktop/Notifications");
const QString kPortal = QStringLiteral("org.freedesktop.portal.Desktop");
const QString kPortalPath = QStringLiteral("/org/freedesktop/portal/desktop");
const QString kPortalInterface = QStringLiteral("org.freedesktop.portal.Notification");
const QString kPortalPrefix = QStringLiteral("tether-");
const QString kPortalQuestionPrefix = QStringLiteral("tether-question-");

} // namespace

Notifier::Notifier(QObject *parent)
    : Notifier(inFlatpak() ? Channel::Portal : Channel::Desktop, parent)
{ }

Notifier::Notifier(Channel channel, QObject *parent) : QObject(parent), m_channel(channel)
{
    // The portal's buttons are a list of maps (aa{sv}): without its registration the marshaller
    // writes a broken message and libdbus aborts the process (tst_notifier found it; the
    // service registered it elsewhere first, by luck of order).
    qDBusRegisterMetaType<QList<QVariantMap>>();
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (m_channel == Channel::Portal) {
        bus.connect(kPortal, kPortalPath, kPortalInterface, QStringLiteral("ActionInvoked"), this,
                    SLOT(onPortalActionInvoked(QString, QString, QVariantList)));
        return;
    }
    bus.connect(kNotifications, kNotificationsPath, kNotifications, QStringLiteral("ActionInvoked"),
                this, SLOT(onActionInvoked(uint, QString)));
    bus.connect(kNotifications, kNotificationsPath, kNotifications,
                QStringLiteral("NotificationClosed"), this, SLOT(onClosed(uint, uint)));
}

Notifier::~Notifier() = default;

bool Notifier::inFlatpak()
{
    return QFileInfo::exists(QStringLiteral("/.flatpak-info"));
}

void Notifier::needsUser(const QString &id, const QString &name, const Failure &why)
{
    // Signing in again cannot fix a secret the provider refuses: the settings are the remedy.
    if (why.kind == FailureKind::Configuration)
        return notify(id, tr("%1 cannot refresh: check its settings").arg(name),
                      sentence(id, why.message), true, Remedy::Edit);
    notify(id, tr("%1 needs you to sign in again").arg(name), sentence(id, why.message), true);
}

QString Notifier::sentence(const QString &id, const QString &reason)
{
    // A failure's message is a clause for "tether: …", often led by the account's id; the
    // title already names the account (by its name): a sentence of its own, without the id.
    QString text = reason;
    if (text.startsWith(id + QStringLiteral(": ")))
        text.remove(0, id.size() + 2);
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text;
}

void Notifier::refreshTokenExpiring(const QString &id, const QString &name,
                                    const QDateTime &expiresAt)
{
    // The true remaining time, rounded as people say it (3 minutes are not "1 hour").
    const QString when = humantime::until(QDateTime::currentDateTimeUtc().secsTo(expiresAt));
    notify(id, tr("%1 must sign in again soon").arg(name),
           tr("Its sign-in ends %1, on %2. Reconnect before then to keep it working.")
                   .arg(when, humantime::instant(expiresAt)),
           false);
}

void Notifier::notify(const QString &id, const QString &title, const QString &body, bool urgent,
                      Remedy remedy)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    const QString action =
            remedy == Remedy::Edit ? QStringLiteral("edit") : QStringLiteral("reconnect");
    const QString label = remedy == Remedy::Edit ? tr("Edit…") : tr("Reconnect");
    if (m_channel == Channel::Portal) {
        const QVariantMap reconnect{{QStringLiteral("label"), label},
                                    {QStringLiteral("action"), action}};
        QDBusMessage add = QDBusMessage::createMethodCall(kPortal, kPortalPath, kPortalInterface,
                                                          QStringLiteral("AddNotification"));
        add << QString(kPortalPrefix + id)
            << QVariantMap{{QStringLiteral("title"), title},
                           {QStringLiteral("body"), body},
                           {QStringLiteral("priority"),
                            urgent ? QStringLiteral("high") : QStringLiteral("normal")},
                           {QStringLiteral("default-action"), QStringLiteral("default")},
                           {QStringLiteral("buttons"),
                            QVariant::fromValue(QList<QVariantMap>{reconnect})}};
        bus.asyncCall(add);
        return;
    }
    QDBusMessage message = QDBusMessage::createMethodCall(kNotifications, kNotificationsPath,
                                                          kNotifications, QStringLiteral("Notify"));
    message << tr("Tether") << m_sent.value(id, 0u) << kDesktopEntry << title << body
            << QStringList{action, label, QStringLiteral("default"), tr("Open Tether")}
            << QVariantMap{{QStringLiteral("desktop-entry"), kDesktopEntry},
                           {QStringLiteral("urgency"), QVariant::fromValue(uchar(urgent ? 2 : 1))}}
            << int(-1);
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(message, 10'000), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, id] {
        watcher->deleteLater();
        const QDBusPendingReply<uint> reply = *watcher;
        if (!reply.isValid()) {
            qCInfo(lcNotify, "no notification for %s: %s", qPrintable(id),
                   qPrintable(reply.error().message()));
            return;
        }
        const uint previous = m_sent.value(id, 0u);
        if (previous != 0u && previous != reply.value())
            m_accounts.remove(previous);
        m_sent.insert(id, reply.value());
        m_accounts.insert(reply.value(), id);
    });
}

void Notifier::ask(const QString &question, const QString &title, const QString &body,
                   const QList<Choice> &choices)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (m_channel == Channel::Portal) {
        QList<QVariantMap> buttons;
        for (const Choice &choice : choices)
            buttons.append({{QStringLiteral("label"), choice.label},
                            {QStringLiteral("action"), choice.key}});
        QDBusMessage add = QDBusMessage::createMethodCall(kPortal, kPortalPath, kPortalInterface,
                                                          QStringLiteral("AddNotification"));
        add << QString(kPortalQuestionPrefix + question)
            << QVariantMap{{QStringLiteral("title"), title},
                           {QStringLiteral("body"), body},
                           {QStringLiteral("priority"), QStringLiteral("urgent")},
                           {QStringLiteral("buttons"), QVariant::fromValue(buttons)}};
        bus.asyncCall(add);
        return;
    }
    QStringList actions;
    for (const Choice &choice : choices)
        actions << choice.key << choice.label;
    QDBusMessage message = QDBusMessage::createMethodCall(kNotifications, kNotificationsPath,
                                                          kNotifications, QStringLiteral("Notify"));
    message << tr("Tether") << 0u << kDesktopEntry << title << body << actions
            << QVariantMap{{QStringLiteral("desktop-entry"), kDesktopEntry},
                           {QStringLiteral("urgency"), QVariant::fromValue(uchar(2))},
                           {QStringLiteral("resident"), true}}
            << int(0); // stays until answered (the question has its own deadline)
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(message, 10'000), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, question] {
        watcher->deleteLater();
        const QDBusPendingReply<uint> reply = *watcher;
        if (!reply.isValid()) {
            qCInfo(lcNotify, "nobody to ask (%s)", qPrintable(reply.error().message()));
            return Q_EMIT questionAnswered(question, QString());
        }
        m_questions.insert(reply.value(), question);
    });
}

void Notifier::withdrawQuestion(const QString &question)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (m_channel == Channel::Portal) {
        bus.asyncCall(QDBusMessage::createMethodCall(kPortal, kPortalPath, kPortalInterface,
                                                     QStringLiteral("RemoveNotification"))
                      << QString(kPortalQuestionPrefix + question));
        return;
    }
    const uint sent = m_questions.key(question, 0u);
    if (sent == 0u)
        return;
    m_questions.remove(sent);
    bus.asyncCall(QDBusMessage::createMethodCall(kNotifications, kNotificationsPath, kNotifications,
                                                 QStringLiteral("CloseNotification"))
                  << sent);
}

void Notifier::withdraw(const QString &id)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (m_channel == Channel::Portal) {
        bus.asyncCall(QDBusMessage::createMethodCall(kPortal, kPortalPath, kPortalInterface,
                                                     QStringLiteral("RemoveNotification"))
                      << QString(kPortalPrefix + id));
        return;
    }
    const uint sent = m_sent.take(id);
    if (sent == 0u)
        return;
    m_accounts.remove(sent);
    bus.asyncCall(QDBusMessage::createMethodCall(kNotifications, kNotificationsPath, kNotifications,
                                                 QStringLiteral("CloseNotification"))
                  << sent);
}

void Notifier::act(const QString &id, const QString &action)
{
    if (action == QLatin1String("reconnect"))
        Q_EMIT reconnectRequested(id);
    else if (action == QLatin1String("edit"))
        Q_EMIT editRequested(id);
    else if (action == QLatin1String("default"))
        Q_EMIT openRequested(id);
}

void Notifier::onActionInvoked(uint notification, const QString &action)
{
    if (const QString question = m_questions.take(notification); !question.isEmpty())
        return Q_EMIT questionAnswered(question,
                                       action == QLatin1String("default") ? QString() : action);
    const auto account = m_accounts.constFind(notification);
    if (account == m_accounts.cend())
        return; // another application's notification
    act(*account, action);
}

void Notifier::onClosed(uint notification, uint)
{
    // Dismissed without an answer: not allowed. (After an action, the question is gone already.)
    if (const QString question = m_questions.take(notification); !question.isEmpty())
        return Q_EMIT questionAnswered(question, QString());
    const QString id = m_accounts.take(notification);
    if (!id.isEmpty() && m_sent.value(id) == notification)
        m_sent.remove(id);
}

void Notifier::onPortalActionInvoked(const QString &notification, const QString &action,
                                     const QVariantList &)
{
    // The portal only reports this application's own notifications; the prefix is the rest.
    if (notification.startsWith(kPortalQuestionPrefix))
        return Q_EMIT questionAnswered(notification.mid(kPortalQuestionPrefix.size()),
                                       action == QLatin1String("default") ? QString() : action);
    if (notification.startsWith(kPortalPrefix))
        act(notification.mid(kPortalPrefix.size()), action);
}

} // namespace tether
