#pragma once

// D-Bus properties are announced with PropertiesChanged or the interface's own signals, not
// with a Qt NOTIFY signal. clazy:excludeall=qproperty-without-notify

#include "backend/accountrow.h"

#include <QDBusContext>
#include <QObject>
#include <QStringList>
#include <QVariantMap>

namespace tether {

class AccessGuard;
class InProcessService;
struct Failure;

// io.github.tether.Tether1 on the session bus. The exported interface is the adaptor that
// qdbusxml2cpp generates from resources/dbus/io.github.tether.Tether1.xml (app/CMakeLists.txt):
// it calls these methods by their C++ signatures, so a method here that drifts from the XML
// does not compile. Every method answers from the InProcessService, asynchronously (delayed
// replies), with the errors the XML names; the return values of a delayed call are unused. A
// change of where an account's secrets go, or of the tokens it hands out, waits for the
// AccessGuard's consent first.
class BusAdaptor final : public QObject, protected QDBusContext
{
    Q_OBJECT
    Q_PROPERTY(bool StartAtLogin READ startAtLogin WRITE setStartAtLogin)
    Q_PROPERTY(QString Version READ version)
    Q_DISABLE_COPY_MOVE(BusAdaptor)

public:
    BusAdaptor(InProcessService &backend, AccessGuard &guard, QObject *parent = nullptr);
    ~BusAdaptor() override;

    bool startAtLogin() const;
    void setStartAtLogin(bool enabled);
    QString version() const;

    QList<QVariantMap> ListAccounts();
    QList<bus::AccountRow> ListAccountRows();
    QString GetAccessToken(const QString &id, qint64 &expires_at);
    bool Refresh(const QString &id, qint64 &access_expires_at, qint64 &next_refresh_at,
                 QStringList &notes);
    void Reconnect(const QString &id);
    QVariantMap GetAccount(const QString &id);
    QString AddAccount(const QVariantMap &settings, const QString &client_secret,
                       QStringList &notes);
    QString EditAccount(const QString &id, const QVariantMap &changes, QStringList &notes);
    QString ImportTokens(const QString &id, const QByteArray &response, QStringList &notes);
    QString Disconnect(const QString &id, QStringList &notes);
    QString RemoveAccount(const QString &id, QStringList &notes);
    void SignInOnDevice(const QString &id);
    void CancelSignIn(const QString &id);
    QList<QVariantMap> ListAccess(const QString &id);
    QString SetAccess(const QString &id, const QString &program, const QString &decision,
                      QStringList &notes);
    QList<QVariantMap> GetHistory(const QString &id);
    void AnswerQuestion(const QString &question, const QString &answer);
    void RefreshAll();
    void Quit();

Q_SIGNALS:
    // Relayed by the generated adaptor (same names and signatures).
    void AccountChanged(const QString &id, const QVariantMap &status);
    void SignInProgressed(const QString &id, const QVariantMap &progress);
    void SignInFinished(const QString &id, const QVariantMap &result);

private:
    void startSignIn(const QString &id, bool device);

    InProcessService &m_backend;
    AccessGuard &m_guard;
};

} // namespace tether
