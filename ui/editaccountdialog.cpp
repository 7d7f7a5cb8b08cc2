#include "editaccountdialog.h"

#include "accounts/accountvalidation.h"
#include "providers/providercatalog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace tether {

namespace {

QLineEdit *lineEdit(const char *objectName, const QString &value, const QString &placeholder)
{
    auto *edit = new QLineEdit(value);
    edit->setObjectName(QString::fromLatin1(objectName));
    edit->setPlaceholderText(placeholder);
    return edit;
}

// A changed text field, or nothing when it is as the account has it.
std::optional<QString> changed(const QLineEdit *edit, const QString &before)
{
    const QString now = edit->text().trimmed();
    return now == before ? std::nullopt : std::optional(now);
}

} // namespace

EditAccountDialog::EditAccountDialog(const Account &account, const ProviderCatalog &catalog,
                                     QWidget *parent)
    : QDialog(parent),
      m_account(account),
      m_catalog(catalog),
      m_clientAuth(new QComboBox),
      m_problem(new QLabel)
{
    setObjectName(QStringLiteral("editAccountDialog"));
    const AccountConfig &c = account.config;
    const ProviderProfile *profile = catalog.find(c.provider);
    setWindowTitle(tr("Edit %1").arg(c.shownName()));
    const QString fromProfile = tr("the provider's default");
    m_name = lineEdit("nameEdit", c.name, c.id);
    m_clientId = lineEdit("clientIdEdit", c.clientId, QString());
    m_secret = lineEdit("secretEdit", QString(),
                        account.status.hasClientSecret ? tr("unchanged (type to replace it)")
                                                       : tr("none stored"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_scope = lineEdit("scopeEdit", c.scope,
                       profile ? profile->defaultScopes.join(QLatin1Char(' ')) : QString());
    m_tokenEndpoint = lineEdit("tokenEndpointEdit", c.tokenEndpoint,
                               profile && !profile->tokenEndpoint.isEmpty() ? profile->tokenEndpoint
                                                                            : fromProfile);
    m_authorizationEndpoint = lineEdit("authorizationEndpointEdit", c.authorizationEndpoint,
                                       profile && !profile->authorizationEndpoint.isEmpty()
                                               ? profile->authorizationEndpoint
                                               : fromProfile);
    m_revocationEndpoint = lineEdit("revocationEndpointEdit", c.revocationEndpoint, fromProfile);
    m_deviceEndpoint = lineEdit("deviceEndpointEdit", c.deviceAuthorizationEndpoint,
                                profile && !profile->deviceAuthorizationEndpoint.isEmpty()
                                        ? profile->deviceAuthorizationEndpoint
                                        : tr("none"));
    m_redirectUri = lineEdit("redirectUriEdit", c.redirectUri, tr("any free port on 127.0.0.1"));
    m_clientAuth->setObjectName(QStringLiteral("clientAuthBox"));
    m_clientAuth->addItem(profile ? tr("The provider's (%1)").arg(nameOf(profile->clientAuth))
                                  : fromProfile,
                          QString());
    m_clientAuth->addItem(tr("HTTP Basic (basic)"), QStringLiteral("basic"));
    m_clientAuth->addItem(tr("In the request body (post)"), QStringLiteral("post"));
    m_clientAuth->addItem(tr("None: a public client (none)"), QStringLiteral("none"));
    m_clientAuth->setCurrentIndex(c.clientAuth ? m_clientAuth->findData(nameOf(*c.clientAuth)) : 0);
    m_problem->setObjectName(QStringLiteral("editProblem"));
    m_problem->setWordWrap(true);
    m_problem->setAccessibleName(tr("Problem"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Client id:"), m_clientId);
    form->addRow(tr("Client s&ecret:"), m_secret);
    form->addRow(tr("Client a&uthentication:"), m_clientAuth);
    form->addRow(tr("Sc&opes:"), m_scope);
    form->addRow(tr("&Token endpoint:"), m_tokenEndpoint);
    form->addRow(tr("Aut&horization endpoint:"), m_authorizationEndpoint);
    form->addRow(tr("Re&vocation endpoint:"), m_revocationEndpoint);
    form->addRow(tr("&Device sign-in endpoint:"), m_deviceEndpoint);
    form->addRow(tr("&Redirect URI:"), m_redirectUri);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    m_save = buttons->button(QDialogButtonBox::Save);
    m_save->setObjectName(QStringLiteral("saveButton"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_save, &QPushButton::clicked, this,
            [this] { Q_EMIT editRequested(m_account.config.id, edit()); });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    layout->setSizeConstraint(QLayout::SetMinimumSize);

    for (QLineEdit *e :
         {m_name, m_clientId, m_secret, m_scope, m_tokenEndpoint, m_authorizationEndpoint,
          m_revocationEndpoint, m_deviceEndpoint, m_redirectUri})
        connect(e, &QLineEdit::textChanged, this, &EditAccountDialog::validate);
    connect(m_clientAuth, &QComboBox::currentIndexChanged, this, &EditAccountDialog::validate);
    validate();
}

QLineEdit *EditAccountDialog::field(const char *objectName) const
{
    return findChild<QLineEdit *>(QString::fromLatin1(objectName));
}

AccountEdit EditAccountDialog::edit() const
{
    const AccountConfig &c = m_account.config;
    AccountEdit e;
    e.name = changed(m_name, c.name);
    e.clientId = changed(m_clientId, c.clientId);
    if (!m_secret->text().isEmpty())
        e.clientSecret = m_secret->text();
    e.scope = changed(m_scope, c.scope);
    e.tokenEndpoint = changed(m_tokenEndpoint, c.tokenEndpoint);
    e.authorizationEndpoint = changed(m_authorizationEndpoint, c.authorizationEndpoint);
    e.revocationEndpoint = changed(m_revocationEndpoint, c.revocationEndpoint);
    e.deviceAuthorizationEndpoint = changed(m_deviceEndpoint, c.deviceAuthorizationEndpoint);
    e.redirectUri = changed(m_redirectUri, c.redirectUri);
    const std::optional<ClientAuth> auth =
            clientAuthFromString(m_clientAuth->currentData().toString());
    if (auth != c.clientAuth)
        e.clientAuth = auth;
    return e;
}

void EditAccountDialog::validate()
{
    const AccountEdit e = edit();
    const AccountConfig next = e.appliedTo(m_account.config);
    QString problem;
    if (e.isEmpty())
        problem = QString(); // nothing to save yet
    else if (auto failure = validateAccount(m_catalog, next,
                                            m_account.status.hasClientSecret
                                                    || e.clientSecret.has_value()))
        problem = failure->message;
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_save->setEnabled(!e.isEmpty() && problem.isEmpty());
}

void EditAccountDialog::showError(const QString &message)
{
    m_problem->setText(message);
    m_problem->setVisible(true);
}

} // namespace tether
