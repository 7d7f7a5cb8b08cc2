#pragma once

#include "demo/demoprovider.h"

#include <QObject>

#include <functional>

namespace tether {

class AccountEditor;
class AccountRegistry;

// `tether --demo`: starts the embedded demo provider and seeds the demo profile (its own config
// directory and keychain service, see paths::setProfileName) with five accounts shaped like the
// seed providers, fresh on every start. Real accounts are never touched.
class DemoSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoSession)

public:
    DemoSession(AccountEditor &accounts, AccountRegistry &registry, QObject *parent = nullptr);
    void start(const std::function<void(const QString &error)> &done);
    DemoProvider *provider() const { return m_provider; }

private:
    void seedNext(QList<DemoProvider::DemoAccount> remaining,
                  const std::function<void(const QString &)> &done);

    AccountEditor &m_accounts;
    AccountRegistry &m_registry;
    DemoProvider *m_provider;
};

} // namespace tether
