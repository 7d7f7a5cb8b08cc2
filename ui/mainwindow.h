#pragma once

#include "refresh/refreshoperation.h"
#include "system/browser.h"

#include <QHash>
#include <QMainWindow>
#include <QTimer>

class QLabel;
class QListView;
class QPushButton;
class QStackedWidget;

namespace tether {

class AccountListModel;
class AccountService;
class Clock;
class RefreshService;

// One entry of an account's refresh history (shown in the details; never a token).
struct HistoryEntry
{
    QDateTime at;
    QString outcome;
    int httpStatus = 0;
    QString message;
};

// The accounts with live countdowns and the actions on them. It shows what the refresh service
// knows; every change goes through the service, asynchronously (no dialog blocks the loop).
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    MainWindow(RefreshService &service, AccountService &accounts, const Clock &clock,
               BrowserOpener opener, QWidget *parent = nullptr);
    ~MainWindow() override;

    void showAccount(const QString &id); // raise the window and select the account
    void setKeepRunningInTray(bool keep) { m_keepRunningInTray = keep; }

    // For tests and the tray.
    AccountListModel *model() const { return m_model; }
    QListView *list() const { return m_list; }
    const QTimer &tick() const { return m_tick; }
    QPushButton *reconnectButton() const { return m_reconnect; }
    QString selectedId() const;
    const QList<HistoryEntry> history(const QString &id) const { return m_history.value(id); }

public Q_SLOTS:
    void addAccount();
    void reconnect();
    void refreshNow();
    void disconnectAccount();
    void removeAccount();
    void copyAccessToken();
    void showDetails();

Q_SIGNALS:
    void quitRequested();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void updateActions();
    void onTick();
    void say(const QString &text);

    RefreshService &m_service;
    AccountService &m_accounts;
    const Clock &m_clock;
    BrowserOpener m_opener;
    AccountListModel *m_model;
    QListView *m_list;
    QStackedWidget *m_pages;
    QPushButton *m_reconnect;
    QPushButton *m_refresh;
    QPushButton *m_disconnect;
    QPushButton *m_remove;
    QPushButton *m_copy;
    QPushButton *m_details;
    QTimer m_tick;
    QHash<QString, QList<HistoryEntry>> m_history;
    bool m_keepRunningInTray = false;
};

} // namespace tether
