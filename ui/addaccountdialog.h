#pragma once

#include "accounts/account.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace tether {

class ProviderCatalog;

// Pick a provider template, fill in the client, and either sign in right away or import a token
// answer. Every field is checked as it is typed, with the same rules as `tether add`.
class AddAccountDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AddAccountDialog)

public:
    explicit AddAccountDialog(const ProviderCatalog &catalog, QWidget *parent = nullptr);

    AccountConfig config() const;
    void showError(const QString &message);

    // For tests.
    QComboBox *providerBox() const { return m_provider; }
    QLineEdit *idEdit() const { return m_id; }
    QLineEdit *clientIdEdit() const { return m_clientId; }
    QLineEdit *secretEdit() const { return m_secret; }
    QLineEdit *tokenEndpointEdit() const { return m_tokenEndpoint; }
    QLineEdit *authorizationEndpointEdit() const { return m_authorizationEndpoint; }
    QCheckBox *insecureBox() const { return m_insecure; }
    QLabel *problemLabel() const { return m_problem; }
    QPushButton *signInButton() const { return m_signIn; }
    QPushButton *addOnlyButton() const { return m_addOnly; }

Q_SIGNALS:
    void accountRequested(const tether::AccountConfig &config, const QString &clientSecret,
                          bool signIn, const QByteArray &tokenAnswer);

private:
    void onProviderChanged();
    void validate();
    QString problemHtml(const QString &text) const;

    const ProviderCatalog &m_catalog;
    QComboBox *m_provider;
    QLineEdit *m_id;
    QLineEdit *m_name;
    QLineEdit *m_clientId;
    QLineEdit *m_secret;
    QLineEdit *m_scope;
    QLineEdit *m_issuer;
    QLineEdit *m_tokenEndpoint;
    QLineEdit *m_authorizationEndpoint;
    QCheckBox *m_insecure;
    QPlainTextEdit *m_answer;
    QLabel *m_problem;
    QLabel *m_warning;
    QPushButton *m_signIn;
    QPushButton *m_addOnly;
};

} // namespace tether
