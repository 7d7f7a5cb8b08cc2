#pragma once

#include <QMainWindow>
#include <QModelIndex>
#include <QPointer>
#include <QTimer>

class QLabel;
class QLineEdit;
class QListView;
class QMenu;
class QMessageBox;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;

namespace tether {

class AccountListModel;
class Clock;
class WindowBackend;
class SignInDialog;
struct AccessDecision;
struct Account;
struct HistoryEntry;
struct Question;
struct Outcome;
struct SignInProgress;

// The accounts with live countdowns and the actions on them. A view of the service: it shows
// what the service says and sends it what the user does; closing it leaves the service running.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    MainWindow(WindowBackend &service, const Clock &clock, QWidget *parent = nullptr);
    ~MainWindow() override;

    void showAccount(const QString &id); // raise the window and select the account
    void editAccountWithId(const QString &id); // its Edit dialog, with what the service has
    void reload(); // every account again from the service
    void showProblem(const QString &message); // the service could not be reached
    // The service lives in this window's process (the demo): closing the window ends it, and
    // the window says so; Quit ends it the same way, without asking about refreshes that stop.
    void setEndsWithWindow(const QString &explanation);

    // For tests.
    AccountListModel *model() const { return m_model; }
    QListView *list() const { return m_list; }
    const QTimer &tick() const { return m_tick; }
    QPushButton *reconnectButton() const { return m_reconnect; }
    QLineEdit *searchField() const { return m_search; }
    QLabel *banner() const { return m_banner; }
    QWidget *serviceBar() const { return m_serviceBar; }
    QSortFilterProxyModel *shown() const { return m_shown; }
    QMenu *accountMenu() const { return m_accountMenu; }
    QString selectedId() const;
    QModelIndex selectedIndex() const;

public Q_SLOTS:
    void addAccount();
    void reconnect();
    void signInOnDevice();
    void refreshNow();
    void disconnectAccount();
    void removeAccount();
    void copyAccessToken();
    void showDetails();
    void editAccount();
    void quitTether();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    // The constructor's parts, in the order it calls them.
    void buildList();
    void buildSearch();
    void buildBanner();
    void buildServiceBar();
    QWidget *buildEmptyState();
    QLayout *buildActions();
    void buildTetherMenu();
    void buildAccountMenu();
    void connectService();
    void connectModel();

    void updateActions();
    void updateBanner();
    void showServiceGone(const QString &text); // the bar, a disabled list, no actions
    void startService();
    void openEdit(const Account &account);
    void askUser(const Question &question);
    void openDetails(const Account &account, const QList<HistoryEntry> &history,
                     const QList<AccessDecision> &access);
    void onTick();
    void say(const QString &text); // in the status bar, and announced
    QString displayName(const QString &id) const; // the account's name as the list shows it
    void announceRow(const QString &id); // the row's description changed
    void startSignIn(const QString &id, bool device);
    void onSignInProgressed(const QString &id, const SignInProgress &progress);
    void onSignInFinished(const QString &id, const Outcome &outcome);

    WindowBackend &m_service;
    const Clock &m_clock;
    AccountListModel *m_model;
    QSortFilterProxyModel *m_shown; // attention first, then by name; filtered by the search
    QListView *m_list;
    QLineEdit *m_search;
    QLabel *m_banner;
    QWidget *m_serviceBar;
    QLabel *m_serviceText;
    QPushButton *m_startService;
    QMenu *m_accountMenu;
    QAction *m_reconnectAction;
    QAction *m_deviceAction;
    QAction *m_refreshAction;
    QAction *m_copyAction;
    QAction *m_detailsAction;
    QAction *m_editAction;
    QAction *m_disconnectAction;
    QAction *m_removeAction;
    QStackedWidget *m_pages;
    QPushButton *m_reconnect;
    QPushButton *m_refresh;
    QPushButton *m_disconnect;
    QPushButton *m_remove;
    QPushButton *m_copy;
    QPushButton *m_details;
    QAction *m_startAtLogin;
    QTimer m_tick;
    QHash<QString, QPointer<SignInDialog>> m_signIns;
    bool m_endsWithWindow = false;
    QHash<QString, QPointer<QMessageBox>> m_questions; // the service's questions on screen
};

} // namespace tether
