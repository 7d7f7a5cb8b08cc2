#include "addaccountdialog.h"

#include "accounts/accountvalidation.h"
#include "providers/providercatalog.h"
#include "ui/accountdelegate.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>

namespace tether {

AddAccountDialog::AddAccountDialog(const ProviderCatalog &catalog, QWidget *parent)
    : QDialog(parent),
      m_catalog(catalog),
      m_provider(new QComboBox),
      m_id(new QLineEdit),
      m_name(new QLineEdit),
      m_clientId(new QLineEdit),
      m_secret(new QLineEdit),
      m_scope(new QLineEdit),
      m_issuer(new QLineEdit),
      m_tokenEndpoint(new QLineEdit),
      m_authorizationEndpoint(new QLineEdit),
      m_insecure(new QCheckBox(
              tr("Allow plain http to a non-loopback host (exposes your credentials)"))),
      m_answer(new QPlainTextEdit),
      m_problem(new QLabel),
      m_warning(new QLabel)
{
    setWindowTitle(tr("Add account"));
    for (const ProviderProfile &p : catalog.profiles())
        m_provider->addItem(AccountDelegate::providerIcon(p.id), p.name, p.id);
    m_secret->setEchoMode(QLineEdit::Password);
    m_id->setPlaceholderText(tr("a short name, e.g. bank"));
    m_answer->setPlaceholderText(
            tr("Optional: paste a token response (JSON) to import instead of signing in"));
    m_answer->setMaximumHeight(80);
    m_problem->setObjectName(QStringLiteral("addProblem"));
    m_issuer->setObjectName(QStringLiteral("issuerEdit"));
    m_problem->setWordWrap(true);
    m_warning->setWordWrap(true);
    m_problem->setAccessibleName(tr("Problem"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Provider:"), m_provider);
    form->addRow(tr("Account &id:"), m_id);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Client id:"), m_clientId);
    form->addRow(tr("Client s&ecret:"), m_secret);
    form->addRow(tr("Sc&opes:"), m_scope);
    form->addRow(tr("Iss&uer / tenant:"), m_issuer);
    form->addRow(tr("&Token endpoint:"), m_tokenEndpoint);
    form->addRow(tr("Aut&horization endpoint:"), m_authorizationEndpoint);
    form->addRow(QString(), m_insecure);
    form->addRow(tr("Token response:"), m_answer);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_signIn = buttons->addButton(tr("Add and &sign in"), QDialogButtonBox::AcceptRole);
    m_addOnly = buttons->addButton(tr("&Add"), QDialogButtonBox::ApplyRole);
    m_signIn->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto request = [this](bool signIn) {
        const QString answer = m_answer->toPlainText().trimmed();
        Q_EMIT accountRequested(config(), m_secret->text(), signIn && answer.isEmpty(),
                                answer.toUtf8());
    };
    connect(m_signIn, &QPushButton::clicked, this, [request] { request(true); });
    connect(m_addOnly, &QPushButton::clicked, this, [request] { request(false); });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_warning);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);

    connect(m_provider, &QComboBox::currentIndexChanged, this,
            &AddAccountDialog::onProviderChanged);
    for (QLineEdit *edit : {m_id, m_name, m_clientId, m_secret, m_scope, m_issuer, m_tokenEndpoint,
                            m_authorizationEndpoint})
        connect(edit, &QLineEdit::textChanged, this, &AddAccountDialog::validate);
    connect(m_insecure, &QCheckBox::toggled, this, &AddAccountDialog::validate);
    connect(m_answer, &QPlainTextEdit::textChanged, this, &AddAccountDialog::validate);
    onProviderChanged();
    // Typing at once names the account; the provider is one arrow key or click away.
    m_id->setFocus();
}

void AddAccountDialog::onProviderChanged()
{
    const ProviderProfile *p = m_catalog.find(m_provider->currentData().toString());
    if (!p)
        return;
    // The profile's endpoints are the defaults, shown as placeholders: typing overrides them.
    m_tokenEndpoint->setPlaceholderText(
            p->discovery ? tr("read from the issuer's discovery document") : p->tokenEndpoint);
    m_authorizationEndpoint->setPlaceholderText(
            p->authorizationEndpoint.isEmpty() && !p->discovery
                    ? tr("required to sign in: the provider's authorization URL")
            : p->discovery ? tr("read from the issuer's discovery document")
                           : p->authorizationEndpoint);
    m_issuer->setEnabled(p->discovery || p->needsTenant());
    m_issuer->setPlaceholderText(p->discovery ? tr("https://issuer.example.com")
                                 : p->needsTenant()
                                         ? p->tenantExample
                                         : tr("not needed: %1's endpoints are fixed").arg(p->name));
    // A greyed field says why it is greyed (its placeholder, and the tooltip when hovered).
    m_issuer->setToolTip(m_issuer->isEnabled()
                                 ? tr("Where the provider's endpoints are found (OpenID Connect "
                                      "discovery) or whose tenant the account belongs to")
                                 : tr("%1 has fixed endpoints: there is no issuer or tenant to "
                                      "give")
                                           .arg(p->name));
    m_secret->setEnabled(p->clientAuth != ClientAuth::None || p->discovery);
    m_scope->setPlaceholderText(p->defaultScopes.join(QLatin1Char(' ')));
    validate();
}

AccountConfig AddAccountDialog::config() const
{
    AccountConfig c;
    c.id = m_id->text().trimmed();
    c.name = m_name->text().trimmed();
    c.provider = m_provider->currentData().toString();
    c.clientId = m_clientId->text().trimmed();
    c.scope = m_scope->text().simplified();
    if (c.scope.isEmpty()) {
        if (const ProviderProfile *p = m_catalog.find(c.provider))
            c.scope = p->defaultScopes.join(QLatin1Char(' '));
    }
    c.issuer = m_issuer->isEnabled() ? m_issuer->text().trimmed() : QString();
    c.tokenEndpoint = m_tokenEndpoint->text().trimmed();
    c.authorizationEndpoint = m_authorizationEndpoint->text().trimmed();
    c.allowInsecureHttp = m_insecure->isChecked();
    return c;
}

void AddAccountDialog::validate()
{
    AccountConfig c = config();
    const ProviderProfile *p = m_catalog.find(c.provider);
    QString problem;
    if (c.id.isEmpty()) {
        // Not a problem to show before anything was typed: Add stays disabled until there is one.
        problem = m_id->isModified() ? tr("Give the account an id.") : QString();
        m_signIn->setEnabled(false);
        m_addOnly->setEnabled(false);
    } else if (auto failure = validateAccount(m_catalog, c, !m_secret->text().isEmpty(),
                                              p && p->discovery && c.tokenEndpoint.isEmpty())) {
        // The same checks as the command line's, in words rather than options. The endpoints
        // of a generic provider come from discovery when the account is added.
        problem = failure->message;
    }
    m_problem->setText(problem.isEmpty() ? QString() : problemHtml(problem));
    m_warning->setText(c.allowInsecureHttp ? tr("⚠ This account may send its secrets over plain "
                                                "http. Use it only for a test server.")
                                           : QString());
    if (!c.id.isEmpty()) {
        m_signIn->setEnabled(problem.isEmpty());
        m_addOnly->setEnabled(problem.isEmpty());
    }
}

QString AddAccountDialog::problemHtml(const QString &text) const
{
    // The palette's own shade of red, readable on light and dark backgrounds alike.
    const QColor red = AccountDelegate::stateColor(AccountState::NeedsReconnect, false, palette());
    return QStringLiteral("<span style='color:%1'>%2</span>").arg(red.name(), text.toHtmlEscaped());
}

void AddAccountDialog::showError(const QString &message)
{
    m_problem->setText(problemHtml(message));
}

} // namespace tether
