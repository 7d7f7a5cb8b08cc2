#pragma once

#include "accounts/account.h"
#include "backend/accountbackend.h"

#include <QDialog>

class QTreeWidget;

namespace tether {

class ProviderCatalog;

// Which programs may take the account's token (each with a Remove button), an account's refresh
// history (time, outcome, HTTP status, error — never a token), where its secrets are kept, and what
// its provider profile says about tokens.
class AccountDetailsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountDetailsDialog)

public:
    AccountDetailsDialog(const Account &account, const ProviderCatalog &catalog,
                         const QList<HistoryEntry> &history,
                         const QList<AccessDecision> &access = {}, QWidget *parent = nullptr);

    // The decision about `program` is gone (withdrawn): its row goes.
    void accessWithdrawn(const QString &program);

Q_SIGNALS:
    void reconnectRequested(const QString &id);
    void editRequested(const QString &id);
    // Remove was clicked on a program's row: forget the decision, so that it is asked again.
    void withdrawAccessRequested(const QString &id, const QString &program);

private:
    void showNoAccess();

    QTreeWidget *m_access = nullptr;
};

} // namespace tether
