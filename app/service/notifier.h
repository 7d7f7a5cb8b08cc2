#pragma once

#include "core/failure.h"

#include <QDateTime>
#include <QHash>
#include <QObject>

namespace tether {

// Desktop notifications, sent by the service: through org.freedesktop.Notifications, or the
// notification portal (org.freedesktop.portal.Notification) inside a Flatpak sandbox; never a
// tray balloon. App name "Tether", the desktop-entry hint, the account's display name, and two
// actions: "reconnect" (opens the browser sign-in at once) and "default" (opens the window at
// that account). Clicks are acted on only for notifications this service sent; one notification
// per account at a time, replaced by the next and withdrawn when the account is fine again.
class Notifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Notifier)

public:
    enum class Channel { Desktop, Portal };

    explicit Notifier(QObject *parent = nullptr);
    Notifier(Channel channel, QObject *parent);
    ~Notifier() override;

    Channel channel() const { return m_channel; }
    static bool inFlatpak();
    // A failure's message as a notification's body: without the leading account id, capitalised.
    static QString sentence(const QString &id, const QString &reason);

    // The account needs the user. A remedy that fits the cause: Reconnect for a sign-in that
    // ended, Edit for settings the provider refuses (a wrong client id or secret).
    void needsUser(const QString &id, const QString &name, const Failure &why);
    void refreshTokenExpiring(const QString &id, const QString &name, const QDateTime &expiresAt);
    void withdraw(const QString &id); // the account is fine again

    // A question with one action per choice (key, label; the first is the safe one); the
    // answer comes as questionAnswered with the chosen key, or "" when dismissed or nobody
    // could be asked (no notification server).
    struct Choice
    {
        QString key;
        QString label;
    };
    void ask(const QString &question, const QString &title, const QString &body,
             const QList<Choice> &choices);
    void withdrawQuestion(const QString &question);

Q_SIGNALS:
    void reconnectRequested(const QString &id);
    void editRequested(const QString &id);
    void openRequested(const QString &id);
    void questionAnswered(const QString &question, const QString &answer);

private Q_SLOTS:
    void onActionInvoked(uint notification, const QString &action);
    void onClosed(uint notification, uint reason);
    void onPortalActionInvoked(const QString &notification, const QString &action,
                               const QVariantList &parameter);

private:
    enum class Remedy { Reconnect, Edit };
    void notify(const QString &id, const QString &title, const QString &body, bool urgent,
                Remedy remedy = Remedy::Reconnect);
    void act(const QString &id, const QString &action);

    Channel m_channel;
    QHash<QString, uint> m_sent; // account → notification id (Desktop)
    QHash<uint, QString> m_accounts; // notification id → account: ours, and only these
    QHash<uint, QString> m_questions; // notification id → question (Desktop)
};

} // namespace tether
