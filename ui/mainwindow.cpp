#include "mainwindow.h"

#include "accounts/accountservice.h"
#include "core/clock.h"
#include "core/paths.h"
#include "refresh/refreshservice.h"
#include "ui/accountdelegate.h"
#include "ui/accountdetailsdialog.h"
#include "ui/accountlistmodel.h"
#include "ui/addaccountdialog.h"
#include "ui/preferences.h"
#include "ui/signindialog.h"

#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

namespace tether {

namespace {

constexpr int kHistoryLength = 50;

QSettings windowSettings()
{
    return QSettings(paths::configDir() + QStringLiteral("/window.ini"), QSettings::IniFormat);
}

} // namespace

MainWindow::MainWindow(RefreshService &service, AccountService &accounts, const Clock &clock,
                       BrowserOpener opener, QWidget *parent)
    : QMainWindow(parent),
      m_service(service),
      m_accounts(accounts),
      m_clock(clock),
      m_opener(std::move(opener)),
      m_model(new AccountListModel(clock, accounts.catalog(), this)),
      m_list(new QListView),
      m_pages(new QStackedWidget)
{
    setWindowTitle(tr("Tether"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/io.github.tether.Tether.svg")));

    m_list->setModel(m_model);
    m_list->setItemDelegate(new AccountDelegate(m_list));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setUniformItemSizes(true);
    m_list->setAccessibleName(tr("Accounts"));
    connect(m_list, &QListView::doubleClicked, this, &MainWindow::showDetails);

    // The empty state: one sentence and the one thing to do.
    auto *empty = new QWidget;
    auto *emptyLayout = new QVBoxLayout(empty);
    auto *emptyText = new QLabel(tr("No accounts yet."));
    emptyText->setAlignment(Qt::AlignCenter);
    auto *emptyAdd = new QPushButton(tr("Add account…"));
    emptyAdd->setAccessibleName(tr("Add account"));
    connect(emptyAdd, &QPushButton::clicked, this, &MainWindow::addAccount);
    emptyLayout->addStretch();
    emptyLayout->addWidget(emptyText);
    emptyLayout->addWidget(emptyAdd, 0, Qt::AlignHCenter);
    emptyLayout->addStretch();
    m_pages->addWidget(empty);
    m_pages->addWidget(m_list);

    auto button = [this](const QString &text, void (MainWindow::*slot)()) {
        auto *b = new QPushButton(text);
        b->setAccessibleName(QString(text).remove(QLatin1Char('&')).remove(QStringLiteral("…")));
        connect(b, &QPushButton::clicked, this, slot);
        return b;
    };
    auto *add = button(tr("&Add account…"), &MainWindow::addAccount);
    m_reconnect = button(tr("Re&connect"), &MainWindow::reconnect);
    m_refresh = button(tr("&Refresh now"), &MainWindow::refreshNow);
    m_copy = button(tr("Cop&y access token"), &MainWindow::copyAccessToken);
    m_details = button(tr("De&tails…"), &MainWindow::showDetails);
    m_disconnect = button(tr("&Disconnect"), &MainWindow::disconnectAccount);
    m_remove = button(tr("Re&move…"), &MainWindow::removeAccount);

    auto *actions = new QHBoxLayout;
    actions->addWidget(add);
    actions->addStretch();
    for (QPushButton *b : {m_reconnect, m_refresh, m_copy, m_details, m_disconnect, m_remove})
        actions->addWidget(b);

    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_pages, 1);
    layout->addLayout(actions);
    setCentralWidget(central);

    QMenu *file = menuBar()->addMenu(tr("&Tether"));
    file->addAction(tr("&Add account…"), QKeySequence::New, this, &MainWindow::addAccount);
    file->addAction(tr("Refresh &all"), &m_service, &RefreshService::refreshAll);
    file->addSeparator();
    preferences::addActions(file, [this](const QString &problem) { say(problem); });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &MainWindow::quitRequested);

    // One shared tick while the window is visible; none while hidden.
    m_tick.setInterval(1000);
    m_tick.setTimerType(Qt::CoarseTimer);
    connect(&m_tick, &QTimer::timeout, this, &MainWindow::onTick);

    connect(&m_service, &RefreshService::accountsChanged, this, [this] {
        m_model->setAccounts(m_service.accounts());
        m_pages->setCurrentIndex(m_model->rowCount() > 0 ? 1 : 0);
        if (!m_list->currentIndex().isValid() && m_model->rowCount() > 0)
            m_list->setCurrentIndex(m_model->index(0));
        updateActions();
    });
    connect(&m_service, &RefreshService::refreshFinished, this,
            [this](const QString &id, const RefreshResult &r) {
                QList<HistoryEntry> &entries = m_history[id];
                entries.prepend({m_clock.nowUtc(),
                                 r.failure ? r.failure->code
                                           : (r.exchanged ? tr("refreshed") : tr("valid")),
                                 r.failure ? r.failure->httpStatus : 0,
                                 r.failure ? r.failure->message : QString()});
                if (entries.size() > kHistoryLength)
                    entries.removeLast();
            });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &MainWindow::updateActions);

    m_model->setAccounts(m_service.accounts());
    m_pages->setCurrentIndex(m_model->rowCount() > 0 ? 1 : 0);
    if (m_model->rowCount() > 0)
        m_list->setCurrentIndex(m_model->index(0));
    updateActions();
    statusBar();

    QSettings settings = windowSettings();
    if (!restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray()))
        resize(860, 520);
}

MainWindow::~MainWindow()
{
    QSettings settings = windowSettings();
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
}

QString MainWindow::selectedId() const
{
    return m_list->currentIndex().data(AccountListModel::IdRole).toString();
}

void MainWindow::showAccount(const QString &id)
{
    show();
    raise();
    activateWindow();
    const int row = m_model->rowOf(id);
    if (row >= 0)
        m_list->setCurrentIndex(m_model->index(row));
}

void MainWindow::updateActions()
{
    const QModelIndex current = m_list->currentIndex();
    const bool has = current.isValid();
    const auto state = AccountState(current.data(AccountListModel::StateRole).toInt());
    const bool needsReconnect =
            has && (state == AccountState::NeedsReconnect || state == AccountState::NotConnected);
    const bool connected = has && !needsReconnect;
    m_reconnect->setEnabled(has);
    m_reconnect->setText(state == AccountState::NotConnected ? tr("&Connect") : tr("Re&connect"));
    // Prominent exactly when the account needs it.
    m_reconnect->setDefault(needsReconnect);
    QFont font = m_reconnect->font();
    font.setBold(needsReconnect);
    m_reconnect->setFont(font);
    m_refresh->setEnabled(connected);
    m_copy->setEnabled(connected);
    m_disconnect->setEnabled(connected);
    m_remove->setEnabled(has);
    m_details->setEnabled(has);
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
        last = m_model->index(m_model->rowCount() - 1);
    m_model->refreshCountdowns(first.row(), last.row());
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

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_keepRunningInTray) {
        hide(); // keeps refreshing in the tray; Quit ends it
        event->ignore();
        return;
    }
    event->accept();
    Q_EMIT quitRequested();
}

void MainWindow::say(const QString &text)
{
    statusBar()->showMessage(text, 10'000);
}

void MainWindow::addAccount()
{
    auto *dialog = new AddAccountDialog(m_accounts, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AddAccountDialog::accountRequested, this,
            [this, dialog](const AccountConfig &config, const QString &secret, bool signIn,
                           const QByteArray &answer) {
                m_service.addAccount(
                        config, secret.isEmpty() ? std::nullopt : std::optional(secret),
                        [this, dialog, config, signIn,
                         answer](const std::optional<Failure> &failure) {
                            if (failure)
                                return dialog->showError(failure->message);
                            dialog->accept();
                            showAccount(config.id);
                            if (!answer.isEmpty()) {
                                auto warnings = std::make_shared<QStringList>();
                                m_service.importTokens(
                                        config.id, answer, warnings.get(),
                                        [this, config](const std::optional<Failure> &f) {
                                            say(f ? f->message
                                                  : tr("Imported tokens for %1").arg(config.id));
                                        });
                            } else if (signIn) {
                                reconnect();
                            }
                        });
            });
    dialog->open();
}

void MainWindow::reconnect()
{
    const QString id = selectedId();
    if (id.isEmpty())
        return;
    auto *dialog = new SignInDialog(m_list->currentIndex().data().toString(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QPointer<SignInDialog> guard(dialog);
    connect(dialog, &QDialog::rejected, this, [this, id] { m_accounts.cancelConnect(id); });
    m_service.connectAccount(
            id, m_opener,
            [guard](const QUrl &url, bool opened) {
                if (guard)
                    guard->setUrl(url, opened);
            },
            [this, guard, id](const std::optional<Failure> &failure) {
                if (guard)
                    guard->done(failure ? QDialog::Rejected : QDialog::Accepted);
                say(failure ? failure->message : tr("%1 is connected").arg(id));
            });
    dialog->open();
}

void MainWindow::refreshNow()
{
    const QString id = selectedId();
    if (!id.isEmpty())
        m_service.refreshNow(id);
}

void MainWindow::copyAccessToken()
{
    const QString id = selectedId();
    m_service.refresh(id, RefreshOperation::Mode::IfNeeded, this,
                      [this, id](const RefreshResult &result) {
                          if (result.failure)
                              return say(result.failure->message);
                          QGuiApplication::clipboard()->setText(result.tokens.accessToken);
                          say(tr("The access token of %1 is on the clipboard").arg(id));
                      });
}

void MainWindow::disconnectAccount()
{
    const QString id = selectedId();
    auto warnings = std::make_shared<QStringList>();
    m_service.disconnect(id, warnings.get(),
                         [this, id, warnings](const std::optional<Failure> &failure) {
                             say(failure               ? failure->message
                                 : warnings->isEmpty() ? tr("%1 is disconnected").arg(id)
                                                       : warnings->join(QLatin1Char(' ')));
                         });
}

void MainWindow::removeAccount()
{
    const QString id = selectedId();
    auto *box = new QMessageBox(
            QMessageBox::Question, tr("Remove account"),
            tr("Remove %1? Its tokens and client secret are deleted from the keychain.").arg(id),
            QMessageBox::Cancel, this);
    QPushButton *remove = box->addButton(tr("Remove"), QMessageBox::DestructiveRole);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, id, remove](QAbstractButton *clicked) {
        if (clicked != remove)
            return;
        m_service.remove(id, [this, id](const std::optional<Failure> &failure) {
            say(failure ? failure->message : tr("%1 was removed").arg(id));
        });
    });
    box->open();
}

void MainWindow::showDetails()
{
    const auto account = m_model->accountAt(m_list->currentIndex().row());
    if (!account)
        return;
    auto *dialog =
            new AccountDetailsDialog(*account, m_accounts, history(account->config.id), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace tether
