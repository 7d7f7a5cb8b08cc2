#pragma once

#include "accounts/account.h"
#include "backend/accountbackend.h"

#include <QDialog>

namespace tether {

class ProviderCatalog;

// An account's refresh history (time, outcome, HTTP status, error — never a token), where its
// secrets are kept, and what its provider profile says about tokens.
class AccountDetailsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountDetailsDialog)

public:
    AccountDetailsDialog(const Account &account, const ProviderCatalog &catalog,
                         const QList<HistoryEntry> &history, QWidget *parent = nullptr);

Q_SIGNALS:
    void reconnectRequested(const QString &id);
    void editRequested(const QString &id);
};

} // namespace tether
