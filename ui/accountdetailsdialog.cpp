#include "accountdetailsdialog.h"

#include "core/humantime.h"
#include "providers/providercatalog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace tether {

AccountDetailsDialog::AccountDetailsDialog(const Account &account, const ProviderCatalog &catalog,
                                           const QList<HistoryEntry> &history, QWidget *parent)
    : QDialog(parent)
{
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
    fact(tr("Provider:"), p ? p->name : account.config.provider);
    fact(tr("State:"), nameOf(account.status.state));
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
        fact(tr("Refresh token lifetime:"),
             p->refreshLifetime == LifetimeModel::Unknown ? tr("not documented")
             : p->refreshLifetime == LifetimeModel::Rolling
                     ? tr("rolling, %1 from each refresh")
                               .arg(humantime::duration(p->refreshLifetimeSeconds))
                     : tr("%1 from issue").arg(humantime::duration(p->refreshLifetimeSeconds)));
        fact(tr("Token request:"), tr("%1 body, client authentication \"%2\"")
                                           .arg(nameOf(p->body), nameOf(p->clientAuth)));
    }
    if (account.config.allowInsecureHttp)
        fact(tr("Warning:"), tr("this account may send secrets over plain http"));

    auto *table = new QTreeWidget;
    table->setHeaderLabels({tr("Time"), tr("Outcome"), tr("HTTP"), tr("Details")});
    table->setRootIsDecorated(false);
    table->setAccessibleName(tr("Refresh history"));
    for (const HistoryEntry &e : history) {
        table->addTopLevelItem(new QTreeWidgetItem(
                {humantime::instant(e.at), e.outcome,
                 e.httpStatus ? QString::number(e.httpStatus) : QString(), e.message}));
    }
    if (history.isEmpty())
        table->addTopLevelItem(
                new QTreeWidgetItem({tr("no refresh attempt since Tether started")}));
    table->header()->setSectionResizeMode(QHeaderView::ResizeToContents);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(facts);
    layout->addWidget(new QLabel(tr("Refresh history:")));
    layout->addWidget(table, 1);
    layout->addWidget(buttons);
    resize(640, 480);
}

} // namespace tether
