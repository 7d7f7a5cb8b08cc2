#include "mainwindow.h"

#include "backend/accountbackend.h"
#include "core/clock.h"
#include "core/paths.h"
#include "providers/providercatalog.h"
#include "ui/accountdelegate.h"
#include "ui/accountdetailsdialog.h"
#include "ui/accountlistmodel.h"
#include "ui/addaccountdialog.h"
#include "ui/attentionfirst.h"
#include "ui/editaccountdialog.h"
#include "ui/overflowrow.h"
#include "ui/signindialog.h"

#include <QAccessible>
#include <QApplication>
#include <QClipboard>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

namespace tether {

namespace {

QSettings windowSettings()
{
    return QSettings(paths::configDir() + QStringLiteral("/window.ini"), QSettings::IniFormat);
}

// A dialog that sent a change: a failure is shown in it and it stays open; on success it closes.
// It may have been closed meanwhile. Returns whether the change was made.
template<typename Dialog>
bool settle(const QPointer<Dialog> &dialog, const Outcome &outcome)
{
    if (outcome.failure) {
        if (dialog)
            dialog->showError(outcome.failure->message);
        return false;
    }
    if (dialog)
        dialog->accept();
    return true;
}

} // namespace

MainWindow::MainWindow(WindowBackend &service, const Clock &clock, QWidget *parent)
    : QMainWindow(parent),
      m_service(service),
      m_clock(clock),
      m_model(new AccountListModel(clock, service.catalog(), this)),
      m_shown(new AttentionFirst(m_model, this)),
      m_list(new QListView),
      m_search(new QLineEdit),
      m_banner(new QLabel),
      m_serviceBar(new QFrame),
      m_serviceText(new QLabel),
      m_startService(new QPushButton(tr("&Start the service"))),
      m_pages(new QStackedWidget)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Tether")); // its icon is the application's (startGui)

    buildList();
    buildSearch();
    buildBanner();
    buildServiceBar();
    m_pages->addWidget(buildEmptyState());
    m_pages->addWidget(m_list);
    QLayout *actions = buildActions();
    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_serviceBar);
    layout->addWidget(m_banner);
    layout->addWidget(m_search);
    layout->addWidget(m_pages, 1);
    layout->addLayout(actions);
    setCentralWidget(central);

    buildTetherMenu();
    buildAccountMenu();
    // One shared tick while the window is visible; none while hidden.
    m_tick.setInterval(1000);
    m_tick.setTimerType(Qt::CoarseTimer);
    connect(&m_tick, &QTimer::timeout, this, &MainWindow::onTick);

    connectService();
    connectModel();

    updateActions();
    statusBar();
    QSettings settings = windowSettings();
    if (!restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray()))
        resize(860, 520);
    // Never larger than the screen's room (at 2x, 860x520 is 1720x1040 on a 1280x800 screen).
    if (const QScreen *where = screen())
        resize(size().boundedTo(where->availableGeometry().size()));
    // A service still being started lists its accounts once it answers (accountsChanged).
    if (m_service.isAvailable())
        reload();
}

// The list: the model, attention first, and the delegate with its row buttons.
void MainWindow::buildList()
{
    m_list->setObjectName(QStringLiteral("accountList"));
    m_list->setModel(m_shown);
    auto *delegate = new AccountDelegate(m_list);
    m_list->setItemDelegate(delegate);
    // A row that needs the user carries its own Reconnect button (click, or Space on the row).
    connect(delegate, &AccountDelegate::reconnectRequested, this,
            [this](const QString &id) { startSignIn(id, false); });
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setUniformItemSizes(true);
    m_list->setAccessibleName(tr("Accounts"));
    // Return (and a double click, or a single one where the style says so) opens the details.
    connect(m_list, &QListView::activated, this, &MainWindow::showDetails);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
}

// The search field, shown once there are many accounts (updateBanner).
void MainWindow::buildSearch()
{
    m_search->setObjectName(QStringLiteral("searchField"));
    m_search->setPlaceholderText(tr("Search by name, id or provider"));
    m_search->setAccessibleName(tr("Search accounts"));
    m_search->setVisible(false); // its clear button (an icon to load) comes when it is shown
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        static_cast<AttentionFirst *>(m_shown)->setSearch(text.trimmed());
    });
}

// The banner naming the accounts that need the user.
void MainWindow::buildBanner()
{
    m_banner->setObjectName(QStringLiteral("attentionBanner"));
    m_banner->setWordWrap(true);
    m_banner->setVisible(false);
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setBackgroundRole(QPalette::AlternateBase);
    m_banner->setAutoFillBackground(true);
    m_banner->setMargin(6);
}

void MainWindow::buildServiceBar()
{
    // While no service answers, nothing is refreshed: said at once, with the one thing to do.
    auto *serviceFrame = static_cast<QFrame *>(m_serviceBar);
    serviceFrame->setObjectName(QStringLiteral("serviceBar"));
    serviceFrame->setFrameShape(QFrame::StyledPanel);
    serviceFrame->setBackgroundRole(QPalette::AlternateBase);
    serviceFrame->setAutoFillBackground(true);
    serviceFrame->setVisible(false);
    m_serviceText->setObjectName(QStringLiteral("serviceBarText"));
    m_serviceText->setWordWrap(true);
    m_startService->setObjectName(QStringLiteral("startServiceButton"));
    connect(m_startService, &QPushButton::clicked, this, &MainWindow::startService);
    auto *serviceLayout = new QHBoxLayout(serviceFrame);
    serviceLayout->addWidget(m_serviceText, 1);
    serviceLayout->addWidget(m_startService);
}

QWidget *MainWindow::buildEmptyState()
{
    // The empty state: one sentence and the one thing to do.
    auto *empty = new QWidget;
    auto *emptyLayout = new QVBoxLayout(empty);
    auto *emptyText = new QLabel(tr("No accounts yet."));
    emptyText->setAlignment(Qt::AlignCenter);
    auto *emptyAdd = new QPushButton(tr("Add account…"));
    emptyAdd->setObjectName(QStringLiteral("emptyAddButton"));
    emptyAdd->setAccessibleName(tr("Add account"));
    connect(emptyAdd, &QPushButton::clicked, this, &MainWindow::addAccount);
    emptyLayout->addStretch();
    emptyLayout->addWidget(emptyText);
    emptyLayout->addWidget(emptyAdd, 0, Qt::AlignHCenter);
    emptyLayout->addStretch();
    return empty;
}

// The buttons under the list.
QLayout *MainWindow::buildActions()
{
    auto button = [this](const char *name, const QString &text, void (MainWindow::*slot)()) {
        auto *b = new QPushButton(text);
        b->setObjectName(QString::fromLatin1(name));
        b->setAccessibleName(QString(text).remove(QLatin1Char('&')).remove(QStringLiteral("…")));
        connect(b, &QPushButton::clicked, this, slot);
        return b;
    };
    auto *add = button("addButton", tr("&Add account…"), &MainWindow::addAccount);
    m_reconnect = button("reconnectButton", tr("Re&connect"), &MainWindow::reconnect);
    m_refresh = button("refreshButton", tr("&Refresh now"), &MainWindow::refreshNow);
    m_copy = button("copyButton", tr("Cop&y access token"), &MainWindow::copyAccessToken);
    m_details = button("detailsButton", tr("Detai&ls…"), &MainWindow::showDetails);
    m_disconnect = button("disconnectButton", tr("&Disconnect"), &MainWindow::disconnectAccount);
    m_remove = button("removeButton", tr("Re&move…"), &MainWindow::removeAccount);

    // Add and Reconnect always; the others as the width allows (all are in the Account menu).
    auto *actions = new QHBoxLayout;
    actions->addWidget(add);
    actions->addWidget(new OverflowRow({m_refresh, m_copy, m_details, m_disconnect, m_remove}), 1);
    actions->addWidget(m_reconnect);
    return actions;
}

void MainWindow::buildTetherMenu()
{
    QMenu *file = menuBar()->addMenu(tr("&Tether"));
    file->addAction(tr("&Add account…"), QKeySequence::New, this, &MainWindow::addAccount);
    file->addAction(tr("Refresh &all"), this, [this] { m_service.refreshAll(); });
    file->addSeparator();
    m_startAtLogin = file->addAction(tr("Start at &login"));
    m_startAtLogin->setCheckable(true);
    m_startAtLogin->setChecked(m_service.startsAtLogin());
    connect(m_startAtLogin, &QAction::triggered, this, [this](bool on) {
        m_service.setStartsAtLogin(on, {this, [this](const Outcome &outcome) {
                                            if (outcome.failure)
                                                say(outcome.failure->message);
                                            m_startAtLogin->setChecked(m_service.startsAtLogin());
                                        }});
    });
    connect(&m_service, &WindowBackend::startsAtLoginChanged, m_startAtLogin, &QAction::setChecked);
    file->addSeparator();
    file->addAction(tr("&Close window"), QKeySequence::Close, this, &QWidget::close);
    file->addAction(tr("&Quit Tether"), QKeySequence::Quit, this, &MainWindow::quitTether);
}

void MainWindow::buildAccountMenu()
{
    // Every action on the selected account, once: in the Account menu, the context menu
    // (right click, Shift+F10, the Menu key) and, the common ones, as buttons.
    m_accountMenu = menuBar()->addMenu(tr("Acc&ount"));
    m_accountMenu->setObjectName(QStringLiteral("accountMenu"));
    auto action = [this](const char *name, const QString &text, void (MainWindow::*slot)()) {
        QAction *a = m_accountMenu->addAction(text, this, slot);
        a->setObjectName(QString::fromLatin1(name));
        return a;
    };
    m_reconnectAction =
            action("reconnectAction", tr("Re&connect in the browser"), &MainWindow::reconnect);
    m_deviceAction =
            action("deviceAction", tr("Sign in on &another device…"), &MainWindow::signInOnDevice);
    m_refreshAction = action("refreshAction", tr("&Refresh now"), &MainWindow::refreshNow);
    m_copyAction = action("copyAction", tr("Cop&y access token"), &MainWindow::copyAccessToken);
    m_copyAction->setShortcut(QKeySequence::Copy);
    m_accountMenu->addSeparator();
    m_detailsAction = action("detailsAction", tr("&Details…"), &MainWindow::showDetails);
    m_editAction = action("editAction", tr("&Edit…"), &MainWindow::editAccount);
    m_accountMenu->addSeparator();
    m_disconnectAction =
            action("disconnectAction", tr("D&isconnect"), &MainWindow::disconnectAccount);
    m_removeAction = action("removeAction", tr("Re&move…"), &MainWindow::removeAccount);
    m_removeAction->setShortcut(QKeySequence::Delete);
    connect(m_list, &QWidget::customContextMenuRequested, this, [this](const QPoint &at) {
        if (selectedId().isEmpty())
            return;
        m_accountMenu->popup(m_list->viewport()->mapToGlobal(at));
    });
    // Shift+F10 as well as the Menu key (which Qt turns into a context-menu event itself): the
    // account's menu at its row.
    auto *keyboardMenu = new QAction(this);
    keyboardMenu->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F10));
    keyboardMenu->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_list->addAction(keyboardMenu);
    connect(keyboardMenu, &QAction::triggered, this, [this] {
        Q_EMIT m_list->customContextMenuRequested(
                m_list->visualRect(m_list->currentIndex()).center());
    });
}

// What the service says, as it says it.
void MainWindow::connectService()
{
    connect(&m_service, &WindowBackend::accountsChanged, this, &MainWindow::reload);
    connect(&m_service, &WindowBackend::accountChanged, this,
            [this](const QString &id, const std::optional<Account> &account) {
                const auto before = m_model->accountAt(m_model->rowOf(id));
                m_model->updateAccount(id, account);
                m_pages->setCurrentIndex(m_model->rowCount() > 0 ? 1 : 0);
                updateActions();
                // A state change is news for a screen reader; a countdown's second is not.
                if (before && account && before->status.state != account->status.state)
                    announceRow(id);
            });
    connect(&m_service, &WindowBackend::signInProgressed, this, &MainWindow::onSignInProgressed);
    connect(&m_service, &WindowBackend::signInFinished, this, &MainWindow::onSignInFinished);
    connect(&m_service, &WindowBackend::serviceLost, this, [this] {
        showServiceGone(tr("Tether's service stopped: accounts are not being refreshed."));
    });
    connect(&m_service, &WindowBackend::questionAsked, this, &MainWindow::askUser);
    connect(&m_service, &WindowBackend::questionSettled, this, [this](const QString &id) {
        if (const QPointer<QMessageBox> box = m_questions.take(id)) {
            box->setProperty("answered", true); // elsewhere: nothing to send
            box->close();
        }
    });
    connect(&m_service, &WindowBackend::serviceReturned, this, [this] {
        m_serviceBar->setVisible(false);
        m_pages->setEnabled(true);
        updateActions();
    });
}

// What the selection and the model's changes mean for the actions and the banner.
void MainWindow::connectModel()
{
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::updateActions);
    // Selecting the row that is already current changes the selection only.
    connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &MainWindow::updateActions);
    // The countdown tick changes only the time roles; the banner, which looks at every
    // account, depends on the states alone.
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
                if (roles.isEmpty() || roles.contains(AccountListModel::StateRole))
                    updateBanner();
            });
    connect(m_model, &QAbstractItemModel::modelReset, this, &MainWindow::updateBanner);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateBanner);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateBanner);
}

MainWindow::~MainWindow()
{
    QSettings settings = windowSettings();
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
}

void MainWindow::reload()
{
    m_service.listAccounts({this, [this](const AccountList &list) {
                                if (list.failure)
                                    return say(list.failure->message);
                                const QString selected = selectedId();
                                m_model->setAccounts(list.accounts);
                                m_pages->setCurrentIndex(m_model->rowCount() > 0 ? 1 : 0);
                                // The keyboard starts in the list, not in the search field
                                // above it, which shows once the accounts outgrow the list
                                // (its text cursor would also blink in an idle window).
                                if (!focusWidget() && m_pages->currentIndex() == 1)
                                    m_list->setFocus(Qt::OtherFocusReason);
                                if (!selected.isEmpty())
                                    showAccount(selected);
                                // A focus mark from the first Tab on: the first row is current
                                // (not selected: nothing acts on a row the user did not pick).
                                if (!m_list->currentIndex().isValid() && m_shown->rowCount() > 0)
                                    m_list->selectionModel()->setCurrentIndex(
                                            m_shown->index(0, 0), QItemSelectionModel::NoUpdate);
                                updateActions();
                            }});
}

QString MainWindow::displayName(const QString &id) const
{
    const int row = m_model->rowOf(id);
    const QString name = row >= 0 ? m_model->index(row).data().toString() : QString();
    return name.isEmpty() ? id : name;
}

void MainWindow::showProblem(const QString &message)
{
    showServiceGone(message);
}

void MainWindow::showServiceGone(const QString &text)
{
    m_serviceText->setText(text);
    m_serviceText->setAccessibleName(text);
    m_serviceBar->setVisible(true);
    m_startService->setEnabled(true);
    // The rows stay readable but are what the service last said: nothing acts on them.
    m_pages->setEnabled(false);
    updateActions();
    QAccessibleEvent alert(m_serviceText, QAccessible::Alert);
    QAccessible::updateAccessibility(&alert);
}

void MainWindow::startService()
{
    m_startService->setEnabled(false);
    m_serviceText->setText(tr("Starting Tether's service…"));
    m_service.startService({this, [this](const std::optional<Failure> &failure) {
                                if (failure)
                                    showServiceGone(failure->message);
                            }});
}

QModelIndex MainWindow::selectedIndex() const
{
    // The selected row, however it was selected (click, keyboard, or an assistive technology's
    // Table interface, which selects without moving the current index).
    const QModelIndexList selected = m_list->selectionModel()->selectedIndexes();
    return selected.isEmpty() ? QModelIndex() : selected.constFirst();
}

QString MainWindow::selectedId() const
{
    return selectedIndex().data(AccountListModel::IdRole).toString();
}

void MainWindow::showAccount(const QString &id)
{
    show();
    raise();
    activateWindow();
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    QModelIndex shown = m_shown->mapFromSource(m_model->index(row));
    if (!shown.isValid()) { // hidden by the search: show it
        m_search->clear();
        shown = m_shown->mapFromSource(m_model->index(row));
    }
    m_list->setCurrentIndex(shown);
    m_list->scrollTo(shown);
}

void MainWindow::updateBanner()
{
    // Who must act, and how: an account whose sign-in ended signs in again; one that was never
    // connected needs its first sign-in.
    QStringList again, first;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row);
        const auto state = AccountState(index.data(AccountListModel::StateRole).toInt());
        if (state == AccountState::NeedsReconnect)
            again << index.data().toString();
        else if (state == AccountState::NotConnected)
            first << index.data().toString();
    }
    QStringList sentences;
    if (!again.isEmpty())
        sentences << tr("%n account(s) need you to sign in again: %1.", nullptr, int(again.size()))
                             .arg(QLocale().createSeparatedList(again));
    if (!first.isEmpty())
        sentences << tr("%n account(s) not connected yet: %1.", nullptr, int(first.size()))
                             .arg(QLocale().createSeparatedList(first));
    const QString text = sentences.join(QLatin1Char(' '));
    if (text != m_banner->text()) {
        m_banner->setText(text);
        m_banner->setVisible(!text.isEmpty());
        m_banner->setAccessibleName(text);
    }
    // The search field, once the accounts are more than the list shows at once.
    const int rowHeight = m_list->sizeHintForRow(0);
    const bool many =
            m_model->rowCount() > 12
            || (rowHeight > 0 && m_model->rowCount() * rowHeight > m_list->viewport()->height());
    if (many && !m_search->isVisible()) {
        m_search->setClearButtonEnabled(true);
        m_search->setVisible(true);
    }
}

void MainWindow::updateActions()
{
    // Nothing acts on a row the user has not selected, nor without a service to act.
    const QString id = m_service.isAvailable() ? selectedId() : QString();
    const bool has = !id.isEmpty();
    const QModelIndex current = selectedIndex();
    const auto state = AccountState(current.data(AccountListModel::StateRole).toInt());
    const bool needsUser =
            has && (state == AccountState::NeedsReconnect || state == AccountState::NotConnected);
    const bool connected = has && current.data(AccountListModel::HasAccessTokenRole).toBool();
    m_reconnect->setEnabled(needsUser || (has && state != AccountState::Refreshing));
    m_reconnect->setText(has && state == AccountState::NotConnected ? tr("&Connect")
                                                                    : tr("Re&connect"));
    // Prominent exactly when the account needs it.
    m_reconnect->setDefault(needsUser);
    QFont font = m_reconnect->font();
    font.setBold(needsUser);
    m_reconnect->setFont(font);
    m_refresh->setEnabled(has && current.data(AccountListModel::HasRefreshTokenRole).toBool());
    m_copy->setEnabled(connected);
    m_disconnect->setEnabled(connected);
    m_remove->setEnabled(has);
    m_details->setEnabled(has);
    m_reconnectAction->setEnabled(m_reconnect->isEnabled());
    m_reconnectAction->setText(state == AccountState::NotConnected
                                       ? tr("&Connect in the browser")
                                       : tr("Re&connect in the browser"));
    const auto account = m_model->accountAt(m_model->rowOf(id));
    const ProviderProfile *profile =
            account ? m_service.catalog().find(account->config.provider) : nullptr;
    const bool device = account
                        && (!account->config.deviceAuthorizationEndpoint.isEmpty()
                            || (profile && !profile->deviceAuthorizationEndpoint.isEmpty()));
    m_deviceAction->setEnabled(m_reconnect->isEnabled() && device);
    m_refreshAction->setEnabled(m_refresh->isEnabled());
    m_copyAction->setEnabled(connected);
    m_detailsAction->setEnabled(has);
    m_editAction->setEnabled(has);
    m_disconnectAction->setEnabled(connected);
    m_removeAction->setEnabled(has);
}

void MainWindow::onTick()
{
    // Only the rows on screen change; the others repaint when they scroll into view.
    const QRect viewport = m_list->viewport()->rect();
    const QModelIndex first = m_list->indexAt(viewport.topLeft());
    if (!first.isValid())
        return;
    QModelIndex last = m_list->indexAt(viewport.bottomLeft());
    if (!last.isValid())
        last = m_shown->index(m_shown->rowCount() - 1, 0);
    for (int row = first.row(); row <= last.row(); ++row) {
        const int source = m_shown->mapToSource(m_shown->index(row, 0)).row();
        m_model->refreshCountdowns(source, source);
    }
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    onTick();
    m_tick.start();
}

void MainWindow::hideEvent(QHideEvent *event)
{
    QMainWindow::hideEvent(event);
    m_tick.stop();
}

void MainWindow::say(const QString &text)
{
    statusBar()->showMessage(text, 10'000);
    // Confirmations and problems are announced, not only shown.
    statusBar()->setAccessibleName(text);
    QAccessibleEvent named(statusBar(), QAccessible::NameChanged);
    QAccessible::updateAccessibility(&named);
    QAccessibleEvent alert(statusBar(), QAccessible::Alert);
    QAccessible::updateAccessibility(&alert);
}

void MainWindow::announceRow(const QString &id)
{
    const QModelIndex shown = m_shown->mapFromSource(m_model->index(m_model->rowOf(id)));
    if (!shown.isValid())
        return;
    QAccessibleEvent changed(m_list, QAccessible::DescriptionChanged);
    changed.setChild(shown.row());
    QAccessible::updateAccessibility(&changed);
}

void MainWindow::addAccount()
{
    auto *dialog = new AddAccountDialog(m_service.catalog(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QPointer<AddAccountDialog> guard(dialog);
    connect(dialog, &AddAccountDialog::accountRequested, this,
            [this, guard](const AccountConfig &config, const QString &secret, bool signIn,
                          const QByteArray &response) {
                m_service.addAccount(
                        config, secret.isEmpty() ? std::nullopt : std::optional(secret),
                        {this, [this, guard, config, signIn, response](const Outcome &outcome) {
                             if (!settle(guard, outcome))
                                 return;
                             showAccount(config.id);
                             if (!response.isEmpty()) {
                                 m_service.importTokens(
                                         config.id, response,
                                         {this, [this, config](const Outcome &o) {
                                              say(o.failure ? o.failure->message
                                                            : tr("Imported tokens for %1")
                                                                      .arg(config.id));
                                          }});
                             } else if (signIn) {
                                 startSignIn(config.id, false);
                             }
                         }});
            });
    dialog->open();
}

void MainWindow::reconnect()
{
    const QString id = selectedId();
    if (!id.isEmpty())
        startSignIn(id, false);
}

void MainWindow::signInOnDevice()
{
    const QString id = selectedId();
    if (!id.isEmpty())
        startSignIn(id, true);
}

void MainWindow::startSignIn(const QString &id, bool device)
{
    if (m_signIns.value(id))
        return m_signIns.value(id)->raise();
    const int row = m_model->rowOf(id);
    const QString name = row >= 0 ? m_model->index(row).data().toString() : id;
    auto *dialog = new SignInDialog(name, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_signIns.insert(id, dialog);
    connect(dialog, &QDialog::rejected, this, [this, id] { m_service.cancelSignIn(id); });
    m_service.signIn(id, device ? SignIn::Method::Device : SignIn::Method::Browser);
    dialog->open();
}

void MainWindow::onSignInProgressed(const QString &id, const SignInProgress &progress)
{
    if (const QPointer<SignInDialog> dialog = m_signIns.value(id))
        dialog->showProgress(progress);
}

void MainWindow::onSignInFinished(const QString &id, const Outcome &outcome)
{
    if (const QPointer<SignInDialog> dialog = m_signIns.take(id)) {
        dialog->disconnect(this); // closing it is not a cancel
        dialog->done(outcome.failure ? QDialog::Rejected : QDialog::Accepted);
    }
    // Which account, and that it was a sign-in: the failure's own words say what went wrong.
    if (!outcome.failure)
        say(tr("%1 is connected").arg(displayName(id)));
    else if (outcome.failure->code == QLatin1String("sign_in_cancelled"))
        say(tr("The sign-in to %1 was cancelled").arg(displayName(id)));
    else
        say(tr("The sign-in to %1 did not work: %2")
                    .arg(displayName(id), outcome.failure->message));
    // The browser had the focus: come back to the front once the sign-in is over.
    if (!outcome.failure)
        showAccount(id);
}

void MainWindow::refreshNow()
{
    const QString id = selectedId();
    if (id.isEmpty())
        return;
    m_service.refresh(id, {this, [this, id](const RefreshReply &reply) {
                               say(reply.failure ? reply.failure->message
                                                 : tr("%1 was refreshed").arg(displayName(id)));
                           }});
}

void MainWindow::copyAccessToken()
{
    const QString id = selectedId();
    if (id.isEmpty())
        return;
    m_service.accessToken(
            id, {this, [this, id](const TokenReply &reply) {
                     if (reply.failure)
                         return say(reply.failure->message);
                     QGuiApplication::clipboard()->setText(reply.accessToken);
                     say(tr("The access token of %1 is on the clipboard").arg(displayName(id)));
                 }});
}

void MainWindow::disconnectAccount()
{
    const QString id = selectedId();
    if (id.isEmpty())
        return;
    m_service.disconnectAccount(id, {this, [this](const Outcome &outcome) {
                                         say(outcome.failure ? outcome.failure->message
                                                             : outcome.summary);
                                     }});
}

void MainWindow::removeAccount()
{
    const QString id = selectedId();
    if (id.isEmpty())
        return;
    auto *box = new QMessageBox(
            QMessageBox::Question, tr("Remove account"),
            tr("Remove %1? Its tokens are revoked where the provider allows it, and its tokens "
               "and client secret are deleted from the keychain.")
                    .arg(id),
            QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("removeConfirmation"));
    QPushButton *remove = box->addButton(tr("Remove"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel); // a stray Return removes nothing
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, id, remove](QAbstractButton *clicked) {
        if (clicked != remove)
            return;
        m_service.removeAccount(id, {this, [this](const Outcome &outcome) {
                                         say(outcome.failure ? outcome.failure->message
                                                             : outcome.summary);
                                     }});
    });
    box->open();
}

void MainWindow::askUser(const Question &question)
{
    // The same question as the notification, where the user is looking. Not modal: the
    // window stays usable, and the question goes when it is answered in the notification.
    auto *box = new QMessageBox(QMessageBox::Question, tr("Tether asks"), question.title,
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("questionDialog"));
    box->setInformativeText(question.body);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::NonModal);
    const QString id = question.id;
    for (qsizetype i = 0; i < question.choices.size(); ++i) {
        QPushButton *button =
                box->addButton(question.labels.value(i, question.choices.at(i)),
                               i == 0 ? QMessageBox::RejectRole : QMessageBox::AcceptRole);
        button->setObjectName(QStringLiteral("answer-") + question.choices.at(i));
        button->setProperty("answer", question.choices.at(i));
        if (i == 0)
            box->setDefaultButton(button); // a stray Return allows nothing
    }
    connect(box, &QMessageBox::buttonClicked, this, [this, box, id](QAbstractButton *clicked) {
        box->setProperty("answered", true);
        m_questions.remove(id);
        m_service.answerQuestion(id, clicked->property("answer").toString());
    });
    // Closed without a button (Escape, the window manager): no answer, nothing remembered.
    connect(box, &QDialog::finished, this, [this, box, id] {
        if (box->property("answered").toBool())
            return;
        m_questions.remove(id);
        m_service.answerQuestion(id, QString());
    });
    m_questions.insert(id, box);
    box->show();
    box->raise();
    box->activateWindow();
}

void MainWindow::showDetails()
{
    // What the service has now, settings included (the list carries the status alone).
    const QString id = selectedId();
    if (id.isEmpty())
        return;
    m_service.fetchAccount(
            id, {this, [this](const std::optional<Failure> &failure, const Account &account) {
                     if (failure)
                         return say(failure->message);
                     m_service.history(
                             account.config.id,
                             {this, [this, account](const QList<HistoryEntry> &history) {
                                  m_service.listAccess(
                                          account.config.id,
                                          {this, [this, account, history](const AccessReply &a) {
                                               openDetails(account, history, a.decisions);
                                           }});
                              }});
                 }});
}

void MainWindow::openDetails(const Account &account, const QList<HistoryEntry> &history,
                             const QList<AccessDecision> &access)
{
    auto *dialog = new AccountDetailsDialog(account, m_service.catalog(), history, access, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AccountDetailsDialog::reconnectRequested, this,
            [this](const QString &id) { startSignIn(id, false); });
    connect(dialog, &AccountDetailsDialog::editRequested, this, &MainWindow::editAccountWithId);
    const QPointer<AccountDetailsDialog> guard(dialog);
    connect(dialog, &AccountDetailsDialog::withdrawAccessRequested, this,
            [this, guard](const QString &id, const QString &program) {
                m_service.setAccess(id, program, std::nullopt,
                                    {this, [this, guard, program](const Outcome &outcome) {
                                         if (outcome.failure)
                                             return say(outcome.failure->message);
                                         if (guard)
                                             guard->accessWithdrawn(program);
                                         say(outcome.summary);
                                     }});
            });
    dialog->open();
}

void MainWindow::editAccount()
{
    editAccountWithId(selectedId());
}

void MainWindow::editAccountWithId(const QString &id)
{
    if (id.isEmpty())
        return;
    // The dialog shows exactly what the service stores, and sends only what the user changed.
    m_service.fetchAccount(
            id, {this, [this](const std::optional<Failure> &failure, const Account &account) {
                     if (failure)
                         return say(failure->message);
                     openEdit(account);
                 }});
}

void MainWindow::openEdit(const Account &account)
{
    auto *dialog = new EditAccountDialog(account, m_service.catalog(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QPointer<EditAccountDialog> guard(dialog);
    connect(dialog, &EditAccountDialog::editRequested, this,
            [this, guard](const QString &editedId, const AccountEdit &edit) {
                m_service.editAccount(editedId, edit,
                                      {this, [this, guard, editedId](const Outcome &outcome) {
                                           if (!settle(guard, outcome))
                                               return;
                                           say(outcome.summary.isEmpty()
                                                       ? tr("%1 was changed").arg(editedId)
                                                       : outcome.summary);
                                       }});
            });
    dialog->open();
}

void MainWindow::setEndsWithWindow(const QString &explanation)
{
    m_endsWithWindow = true;
    auto *note = new QLabel(explanation);
    note->setObjectName(QStringLiteral("endsWithWindowNote"));
    statusBar()->addPermanentWidget(note);
}

void MainWindow::quitTether()
{
    if (m_endsWithWindow) { // the window says what quitting does: nothing more to ask
        close();
        return;
    }
    int connected = 0;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->index(row).data(AccountListModel::HasRefreshTokenRole).toBool())
            ++connected;
    }
    auto quit = [this] {
        m_service.quitService();
        close();
    };
    if (connected == 0)
        return quit();
    auto *box = new QMessageBox(QMessageBox::Question, tr("Quit Tether"),
                                tr("%n account(s) will no longer be refreshed until Tether starts "
                                   "again. Quit Tether?",
                                   nullptr, connected),
                                QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("quitConfirmation"));
    QPushButton *yes = box->addButton(tr("Quit Tether"), QMessageBox::AcceptRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [quit, yes](QAbstractButton *clicked) {
        if (clicked == yes)
            quit();
    });
    box->open();
}

} // namespace tether
