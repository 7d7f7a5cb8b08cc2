#include "accountdetailsdialog.h"

#include "core/humantime.h"
#include "providers/providercatalog.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace tether {

AccountDetailsDialog::AccountDetailsDialog(const Account &account, const ProviderCatalog &catalog,
                                           const QList<HistoryEntry> &history,
                                           const QList<AccessDecision> &access, QWidget *parent)
    : QDialog(parent), m_access(new QTreeWidget)
{
    const AccountState state = account.status.state;
    const QString stateText = state == AccountState::NeedsReconnect ? tr("needs reconnect")
                              : state == AccountState::NotConnected ? tr("not connected")
                              : state == AccountState::Retrying     ? tr("retrying")
                              : state == AccountState::Refreshing   ? tr("refreshing")
                                                                    : tr("connected");
    setObjectName(QStringLiteral("detailsDialog"));
    setWindowTitle(tr("%1 — details").arg(account.config.name));
    const ProviderProfile *p = catalog.find(account.config.provider);
    auto *facts = new QFormLayout;
    auto fact = [&](const QString &label, const QString &value) {
        auto *v = new QLabel(value);
        v->setTextInteractionFlags(Qt::TextSelectableByMouse);
        v->setWordWrap(true);
        facts->addRow(label, v);
    };
    fact(tr("Account:"), QStringLiteral("%1 (%2)").arg(account.config.id, account.config.clientId));
    // Profile names are proper names (Wise, Auth0); the demo's have translations.
    fact(tr("Provider:"),
         p ? QCoreApplication::translate("tether::ProviderNames", p->name.toUtf8().constData())
           : account.config.provider);
    fact(tr("State:"), stateText);
    // Why the account needs the user, in the provider's words where it gave any.
    if (account.status.lastError && account.status.state != AccountState::Connected)
        fact(tr("Reason:"), account.status.lastError->message);
    fact(tr("Secrets kept in:"),
         tr("%1, one item for this account%2")
                 .arg(tr("the system keychain"),
                      account.status.lastError
                                      && account.status.lastError->kind == FailureKind::Keychain
                              ? tr(" — locked or unavailable at the last attempt")
                              : QString()));
    if (p) {
        const QString rotation =
                p->rotation == Rotation::Always
                        ? (p->singleUse
                                   ? tr("rotates on every refresh; each refresh token works once")
                                   : tr("rotates on every refresh"))
                : p->rotation == Rotation::Never ? tr("kept as it is")
                                                 : tr("may rotate");
        fact(tr("Refresh token:"), rotation);
        // What this account's refresh token is known to do first; the profile's rule after.
        const QDateTime ends = account.status.refreshExpiresAt;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        if (account.status.hasRefreshToken && ends.isValid())
            fact(tr("Refresh token ends:"),
                 ends > now ? tr("%1 (%2)").arg(humantime::instant(ends),
                                                humantime::relative(ends, now))
                            : tr("%1 (ended)").arg(humantime::instant(ends)));
        fact(tr("Refresh token lifetime:"),
             p->refreshLifetime == LifetimeModel::Unknown
                     ? (ends.isValid() ? tr("as the provider says for each token")
                                       : tr("not documented"))
             : p->refreshLifetime == LifetimeModel::Rolling
                     ? tr("rolling, %1 from each refresh")
                               .arg(humantime::duration(p->refreshLifetimeSeconds))
                     : tr("%1 from issue").arg(humantime::duration(p->refreshLifetimeSeconds)));
        const ClientAuth auth = account.config.clientAuth.value_or(p->clientAuth);
        fact(tr("Token request:"),
             tr("%1; the client authenticates %2")
                     .arg(p->body == BodyEncoding::Json ? tr("a JSON body") : tr("a form body"),
                          auth == ClientAuth::Basic  ? tr("with HTTP Basic")
                          : auth == ClientAuth::Post ? tr("with its secret in the body")
                                                     : tr("with its id alone (a public "
                                                          "client)")));
    }
    if (account.config.allowInsecureHttp)
        fact(tr("Warning:"), tr("this account may send secrets over plain http"));

    auto *table = new QTreeWidget;
    table->setHeaderLabels({tr("Time"), tr("Outcome"), tr("HTTP"), tr("Details")});
    table->setRootIsDecorated(false);
    table->setAccessibleName(tr("Refresh history"));
    for (const HistoryEntry &e : history) {
        // Words for people; the machine code stays in the tooltip, for a bug report.
        const bool failed =
                e.outcome != QLatin1String("refreshed") && e.outcome != QLatin1String("valid");
        auto *item = new QTreeWidgetItem({humantime::instant(e.at),
                                          e.outcome == QLatin1String("refreshed") ? tr("refreshed")
                                          : e.outcome == QLatin1String("valid") ? tr("still valid")
                                                                                : tr("failed"),
                                          e.httpStatus ? QString::number(e.httpStatus) : QString(),
                                          e.message});
        if (failed)
            item->setToolTip(1, e.outcome);
        table->addTopLevelItem(item);
    }
    if (history.isEmpty())
        table->addTopLevelItem(
                new QTreeWidgetItem({tr("no refresh attempt since Tether started")}));
    table->header()->setSectionResizeMode(QHeaderView::ResizeToContents);

    // Who may take the token, and who is refused it: each decision withdrawn with one click.
    m_access->setObjectName(QStringLiteral("accessList"));
    m_access->setHeaderLabels(
            {tr("Program"), tr("Decision"), tr("Last took the token"), QString()});
    m_access->setRootIsDecorated(false);
    m_access->setAccessibleName(tr("Programs that may take the token"));
    const QString accountId = account.config.id;
    for (const AccessDecision &d : access) {
        auto *item = new QTreeWidgetItem(
                {d.program,
                 d.verdict == AccessDecision::Verdict::Allow ? tr("allowed") : tr("denied"),
                 d.lastUsedAt.isValid() ? humantime::instant(d.lastUsedAt) : tr("never")});
        item->setData(0, Qt::UserRole, d.program);
        item->setToolTip(0, d.reasonText());
        m_access->addTopLevelItem(item);
        auto *remove = new QPushButton(tr("Remove"));
        remove->setObjectName(QStringLiteral("accessRemoveButton"));
        remove->setAccessibleName(tr("Remove %1").arg(d.program));
        remove->setToolTip(tr("Forget this decision: the program is asked the next time it wants "
                              "the token"));
        connect(remove, &QPushButton::clicked, this, [this, accountId, program = d.program] {
            Q_EMIT withdrawAccessRequested(accountId, program);
        });
        m_access->setItemWidget(item, 3, remove);
    }
    if (access.isEmpty())
        showNoAccess();
    m_access->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_access->header()->setStretchLastSection(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    const QString id = account.config.id;
    const bool needsUser =
            state == AccountState::NeedsReconnect || state == AccountState::NotConnected;
    QPushButton *reconnect = buttons->addButton(
            state == AccountState::NotConnected ? tr("&Connect") : tr("Re&connect"),
            QDialogButtonBox::ActionRole);
    reconnect->setObjectName(QStringLiteral("detailsReconnectButton"));
    reconnect->setEnabled(state != AccountState::Refreshing);
    if (needsUser) {
        // Return reconnects, and focus starts there (an auto-default button with the focus
        // would otherwise take the default away).
        buttons->button(QDialogButtonBox::Close)->setAutoDefault(false);
        reconnect->setDefault(true);
        reconnect->setFocus();
    }
    connect(reconnect, &QPushButton::clicked, this, [this, id] {
        Q_EMIT reconnectRequested(id);
        accept();
    });
    QPushButton *edit = buttons->addButton(tr("&Edit…"), QDialogButtonBox::ActionRole);
    edit->setObjectName(QStringLiteral("detailsEditButton"));
    connect(edit, &QPushButton::clicked, this, [this, id] {
        Q_EMIT editRequested(id);
        accept();
    });
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(facts);
    auto *accessLabel = new QLabel(tr("Programs that may take the token (Tether's own window and "
                                      "commands you type in a terminal always may; any other "
                                      "program is asked first):"));
    accessLabel->setWordWrap(true);
    accessLabel->setBuddy(m_access);
    layout->addWidget(accessLabel);
    layout->addWidget(m_access);
    layout->addWidget(new QLabel(tr("Refresh history:")));
    layout->addWidget(table, 1);
    layout->addWidget(buttons);
    resize(640, 560);
}

void AccountDetailsDialog::accessWithdrawn(const QString &program)
{
    for (int row = 0; row < m_access->topLevelItemCount(); ++row) {
        if (m_access->topLevelItem(row)->data(0, Qt::UserRole).toString() == program) {
            delete m_access->takeTopLevelItem(row);
            break;
        }
    }
    if (m_access->topLevelItemCount() == 0)
        showNoAccess();
}

void AccountDetailsDialog::showNoAccess()
{
    m_access->addTopLevelItem(new QTreeWidgetItem({tr("no program has been allowed or denied")}));
    m_access->topLevelItem(0)->setFirstColumnSpanned(true);
}

} // namespace tether
