#pragma once

#include "accounts/account.h"
#include "accounts/accountedit.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace tether {

class ProviderCatalog;

// Change an account's settings without losing its tokens (`tether edit`): name, client id and
// secret, scopes, endpoints, client authentication and redirect URI. Fields start with the
// account's values; an empty secret field keeps the stored secret. Checked as it is typed, with
// the rules of `tether add`; only what changed is sent.
class EditAccountDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EditAccountDialog)

public:
    EditAccountDialog(const Account &account, const ProviderCatalog &catalog,
                      QWidget *parent = nullptr);

    AccountEdit edit() const; // what differs from the account
    void showError(const QString &message);

    // For tests.
    QLineEdit *field(const char *objectName) const;
    QComboBox *clientAuthBox() const { return m_clientAuth; }
    QPushButton *saveButton() const { return m_save; }
    QLabel *problemLabel() const { return m_problem; }

Q_SIGNALS:
    void editRequested(const QString &id, const tether::AccountEdit &edit);

private:
    void validate();

    const Account m_account;
    const ProviderCatalog &m_catalog;
    QLineEdit *m_name;
    QLineEdit *m_clientId;
    QLineEdit *m_secret;
    QLineEdit *m_scope;
    QLineEdit *m_tokenEndpoint;
    QLineEdit *m_authorizationEndpoint;
    QLineEdit *m_revocationEndpoint;
    QLineEdit *m_deviceEndpoint;
    QLineEdit *m_redirectUri;
    QComboBox *m_clientAuth;
    QLabel *m_problem;
    QPushButton *m_save;
};

} // namespace tether
