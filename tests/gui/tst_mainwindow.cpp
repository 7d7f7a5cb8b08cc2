#include "accounts/accounteditor.h"
#include "accounts/accountregistry.h"
#include "core/clock.h"
#include "core/translations.h"
#include "demo/demoprovider.h"
#include "oauth/tokenclient.h"
#include "providers/providercatalog.h"
#include "refresh/refreshcoordinator.h"
#include "service/inprocessservice.h"
#include "support/manualwaketimer.h"
#include "support/memorysecretstore.h"
#include "support/printers.h"
#include "ui/accountdelegate.h"
#include "ui/accountdetailsdialog.h"
#include "ui/accountlistmodel.h"
#include "ui/addaccountdialog.h"
#include "ui/editaccountdialog.h"
#include "ui/mainwindow.h"
#include "ui/signindialog.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUrlQuery>

using namespace tether;

// The window on a real service: in-memory keychain, a registry in a temporary directory, and the
// embedded demo provider as a real authorization server on 127.0.0.1.
class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void noAccounts_showsTheEmptyState();
    void addAccount_throughTheDialog();
    void needsReconnect_makesReconnectProminent();
    void reconnect_opensTheBrowserAndCompletes();
    void hidingTheWindow_stopsTheTick();
    void demo_quitAndClosingAgree_andTheWindowSaysSo();
    void attentionFirst_withABannerNamingThem();
    void banner_tellsAFirstSignInFromASignInAgain();
    void keyboard_shiftF10OpensTheMenu_andTheListHasACurrentRow();
    void addDialog_saysNothingIsWrongBeforeAnythingWasTyped();
    void addDialog_typingGoesWhereItShould_andAGreyedFieldSaysWhy();
    void signInDialog_namesTheAccountInFull_notInACutTitle();
    void accountMenu_actionsFollowTheSelection_andOpenAsContextMenu();
    void returnOnARow_opensDetailsWithReasonAndReconnect();
    void edit_replacesTheSecretAndClientAuth_keepsTheTokens();
    void search_appearsWithManyAccounts_andFilters();
    void manyAccounts_theListHasTheFocus_notTheSearch();
    void deviceSignIn_showsTheCodeAndAQrCode();
    void rowButton_reconnectsByClickAndBySpace();
    void narrowWindow_keepsItsActionsWithoutClipping();
    void mnemonics_uniqueInTheWindowAndEachDialog();
    void addDialog_importsAPastedTokenResponse();
    void signIn_cancelledWhilePending_leavesTheAccountAsItWas();
    void german_throughout(); // last: it installs the German catalogues for the process

private:
    void checkMnemonics();
    // The demo provider's revoked account, needing a reconnect, with the provider running.
    void seedBrokenDemoAccount(DemoProvider &provider);
    static QList<Account> connectedAccounts(int count); // acct-00, acct-01, ...
    static Account account(const QString &id, AccountState state,
                           const QString &provider = QStringLiteral("wise"));
    void seed(const QList<Account> &accounts);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<test::MemorySecretStore> m_secrets;
    std::unique_ptr<AccountRegistry> m_registry;
    std::unique_ptr<TokenClient> m_tokens;
    ProviderCatalog m_catalog = ProviderCatalog::fromDirectories(
            {QStringLiteral(":/providers"), QStringLiteral(":/demo")});
    std::unique_ptr<AccountEditor> m_accounts;
    std::unique_ptr<test::ManualWakeTimer> m_timer;
    std::unique_ptr<RefreshCoordinator> m_service;
    std::unique_ptr<InProcessService> m_backend;
    std::unique_ptr<MainWindow> m_window;
    QList<QUrl> m_opened;
};

void TestMainWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    qputenv("XDG_CONFIG_HOME", m_dir->filePath(QStringLiteral("config")).toLocal8Bit());
    m_secrets = std::make_unique<test::MemorySecretStore>();
    m_registry = std::make_unique<AccountRegistry>(
            m_dir->filePath(QStringLiteral("config/tether/accounts.json")));
    m_tokens = std::make_unique<TokenClient>();
    const Engine engine{m_registry.get(), m_secrets.get(),          m_tokens.get(),
                        &m_catalog,       &SystemClock::instance(), {}};
    m_accounts = std::make_unique<AccountEditor>(engine);
    m_timer = std::make_unique<test::ManualWakeTimer>();
    m_service = std::make_unique<RefreshCoordinator>(engine, nullptr, m_timer.get());
    m_backend = std::make_unique<InProcessService>(
            engine, *m_service,
            [this](const QUrl &url) {
                m_opened << url;
                return true;
            },
            nullptr);
    m_opened.clear();
}

void TestMainWindow::cleanup()
{
    m_window.reset();
    m_backend.reset();
    m_service.reset();
    m_accounts.reset();
}

void TestMainWindow::seed(const QList<Account> &accounts)
{
    QVERIFY(!m_registry->modify([&](QList<Account> &list) -> std::optional<Failure> {
        list += accounts;
        return std::nullopt;
    }));
    for (const Account &a : accounts)
        m_secrets->items.insert(a.config.id, SecretBundle{a.config.id + QStringLiteral("-secret"),
                                                          std::nullopt, 0});
    m_service->start();
    m_window = std::make_unique<MainWindow>(*m_backend, SystemClock::instance());
}

void TestMainWindow::seedBrokenDemoAccount(DemoProvider &provider)
{
    QString error;
    QVERIFY2(provider.start(&error), qPrintable(error));
    Account broken;
    for (const auto &demo : provider.accounts()) {
        if (demo.config.id == QLatin1String("demo-broken"))
            broken.config = demo.config;
    }
    broken.status.state = AccountState::NeedsReconnect;
    broken.status.hasClientSecret = true;
    seed({broken});
}

void TestMainWindow::noAccounts_showsTheEmptyState()
{
    seed({});
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(!m_window->list()->isVisible());
    const auto buttons = m_window->findChildren<QPushButton *>();
    QVERIFY(std::any_of(buttons.begin(), buttons.end(), [](QPushButton *b) {
        return b->isVisible() && b->text() == QStringLiteral("Add account…");
    }));
}

void TestMainWindow::addAccount_throughTheDialog()
{
    seed({});
    m_window->show();
    m_window->addAccount();
    auto *dialog = m_window->findChild<AddAccountDialog *>();
    QVERIFY(dialog);
    dialog->providerBox()->setCurrentIndex(dialog->providerBox()->findData(QStringLiteral("wise")));
    QVERIFY(!dialog->addOnlyButton()->isEnabled());
    QTest::keyClicks(dialog->idEdit(), QStringLiteral("my-wise"));
    QTest::keyClicks(dialog->clientIdEdit(), QStringLiteral("client-1"));
    QVERIFY(dialog->problemLabel()->text().contains(
            QStringLiteral("client secret"))); // a secret is needed, said in words
    QVERIFY(!dialog->problemLabel()->text().contains(QStringLiteral("--")));
    QTest::keyClicks(dialog->secretEdit(), QStringLiteral("s3cret"));
    QTest::keyClicks(dialog->tokenEndpointEdit(), QStringLiteral("http://wise.example/token"));
    QVERIFY(dialog->problemLabel()->text().contains(QStringLiteral("plain http")));
    QVERIFY(!dialog->addOnlyButton()->isEnabled());
    dialog->tokenEndpointEdit()->clear();
    QTest::keyClicks(dialog->tokenEndpointEdit(), QStringLiteral("https://wise.example/token"));
    QVERIFY2(dialog->problemLabel()->text().isEmpty(), qPrintable(dialog->problemLabel()->text()));
    QVERIFY(dialog->addOnlyButton()->isEnabled());
    QTest::mouseClick(dialog->addOnlyButton(), Qt::LeftButton);

    QTRY_COMPARE(m_window->model()->rowCount(), 1);
    QCOMPARE(m_window->selectedId(), QStringLiteral("my-wise"));
    QCOMPARE(m_secrets->items.value(QStringLiteral("my-wise")).clientSecret,
             QStringLiteral("s3cret"));
    QVERIFY(m_window->list()->isVisible());
}

void TestMainWindow::needsReconnect_makesReconnectProminent()
{
    auto config = [](const QString &id) {
        AccountConfig c;
        c.id = id;
        c.name = id;
        c.provider = QStringLiteral("wise");
        c.clientId = QStringLiteral("c");
        return c;
    };
    Account ok;
    ok.config = config(QStringLiteral("ok"));
    ok.status.state = AccountState::Connected;
    Account broken;
    broken.config = config(QStringLiteral("broken"));
    broken.status.state = AccountState::NeedsReconnect;
    seed({ok, broken});
    m_window->show();
    m_window->showAccount(QStringLiteral("ok"));
    QVERIFY(!m_window->reconnectButton()->isDefault());
    m_window->showAccount(QStringLiteral("broken"));
    QVERIFY(m_window->reconnectButton()->isDefault());
    QVERIFY(m_window->reconnectButton()->font().bold());
    QVERIFY(m_window->reconnectButton()->isEnabled());
}

void TestMainWindow::reconnect_opensTheBrowserAndCompletes()
{
    DemoProvider provider;
    seedBrokenDemoAccount(provider);
    m_window->show();
    m_window->showAccount(QStringLiteral("demo-broken"));
    QTest::mouseClick(m_window->reconnectButton(), Qt::LeftButton);
    QTRY_COMPARE(m_opened.size(), 1);
    const QUrlQuery query(m_opened.constFirst());
    QCOMPARE(query.queryItemValue(QStringLiteral("code_challenge_method")), QStringLiteral("S256"));
    QVERIFY(query.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded)
                    .startsWith(QStringLiteral("http://127.0.0.1:")));

    // The user approves at the demo provider's page: read its form, submit it, follow the redirect.
    QNetworkAccessManager browser;
    QNetworkReply *page = browser.get(QNetworkRequest(m_opened.constFirst()));
    QSignalSpy pageDone(page, &QNetworkReply::finished);
    QVERIFY(pageDone.wait());
    const QString html = QString::fromUtf8(page->readAll());
    QUrlQuery form;
    static const QRegularExpression input(QStringLiteral("name=\"([a-z_]+)\" value=\"([^\"]*)\""));
    for (const auto &m : input.globalMatch(html))
        form.addQueryItem(m.captured(1),
                          QString::fromLatin1(QUrl::toPercentEncoding(m.captured(2).replace(
                                  QStringLiteral("&amp;"), QStringLiteral("&")))));
    form.addQueryItem(QStringLiteral("decision"), QStringLiteral("approve"));
    QNetworkRequest post(provider.base().resolved(QUrl(QStringLiteral("/approve"))));
    post.setHeader(QNetworkRequest::ContentTypeHeader,
                   QByteArray("application/x-www-form-urlencoded"));
    post.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                      QNetworkRequest::NoLessSafeRedirectPolicy);
    QNetworkReply *approved = browser.post(post, form.toString(QUrl::FullyEncoded).toUtf8());
    QSignalSpy approvedDone(approved, &QNetworkReply::finished);
    QVERIFY(approvedDone.wait());
    QVERIFY(approved->readAll().contains("You can close this tab"));

    QTRY_COMPARE(
            AccountState(m_window->model()->index(0).data(AccountListModel::StateRole).toInt()),
            AccountState::Connected);
    QVERIFY(m_secrets->items.value(QStringLiteral("demo-broken")).tokens.has_value());
    QVERIFY(!m_window->reconnectButton()->isDefault());
    // The status bar names the account as people see it, never by its id.
    const QString name = m_window->model()->index(0).data().toString();
    QVERIFY(name != QStringLiteral("demo-broken"));
    QTRY_COMPARE(m_window->statusBar()->currentMessage(),
                 MainWindow::tr("%1 is connected").arg(name));
}

void TestMainWindow::banner_tellsAFirstSignInFromASignInAgain()
{
    Account fresh = account(QStringLiteral("tv"), AccountState::NotConnected);
    fresh.config.name = QStringLiteral("TV box");
    seed({fresh, account(QStringLiteral("bank"), AccountState::NeedsReconnect),
          account(QStringLiteral("books"), AccountState::Connected)});
    m_window->show();
    QTRY_VERIFY(m_window->banner()->isVisible());
    // An account that was never connected does not sign in "again".
    QCOMPARE(m_window->banner()->text(),
             MainWindow::tr("%n account(s) need you to sign in again: %1.", nullptr, 1)
                             .arg(QStringLiteral("bank"))
                     + QLatin1Char(' ')
                     + MainWindow::tr("%n account(s) not connected yet: %1.", nullptr, 1)
                               .arg(QStringLiteral("TV box")));
}

void TestMainWindow::keyboard_shiftF10OpensTheMenu_andTheListHasACurrentRow()
{
    seed({account(QStringLiteral("alpha"), AccountState::Connected),
          account(QStringLiteral("beta"), AccountState::Connected)});
    m_window->show();
    QTRY_COMPARE(m_window->shown()->rowCount(), 2);
    // The first Tab into the list shows where it is: a current row, not a selection.
    QTRY_VERIFY(m_window->list()->currentIndex().isValid());
    QVERIFY(m_window->selectedId().isEmpty());
    m_window->showAccount(QStringLiteral("beta"));
    QApplication::setActiveWindow(m_window.get());
    m_window->list()->setFocus();
    QTRY_VERIFY(m_window->list()->hasFocus());
    QTest::keyClick(m_window->list(), Qt::Key_F10, Qt::ShiftModifier);
    QTRY_VERIFY(m_window->accountMenu()->isVisible());
    m_window->accountMenu()->hide();
}

void TestMainWindow::addDialog_saysNothingIsWrongBeforeAnythingWasTyped()
{
    AddAccountDialog add(m_catalog);
    add.show();
    auto *problem = add.findChild<QLabel *>(QStringLiteral("addProblem"));
    QVERIFY(problem->text().isEmpty()); // not red before the user did anything
    QTest::keyClicks(add.idEdit(), QStringLiteral("x"));
    QTest::keyClick(add.idEdit(), Qt::Key_Backspace);
    QVERIFY(problem->text().contains(AddAccountDialog::tr("Give the account an id.")));
}

void TestMainWindow::addDialog_typingGoesWhereItShould_andAGreyedFieldSaysWhy()
{
    AddAccountDialog add(m_catalog);
    add.show();
    QVERIFY(QTest::qWaitForWindowActive(&add));
    // Typing at once names the account: the id field has the focus, not the provider box.
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(add.idEdit()));
    // In the provider box, a letter picks a provider without opening its list.
    auto *provider = add.findChild<QComboBox *>();
    provider->setFocus();
    QTest::keyClicks(provider, QStringLiteral("w"));
    QCOMPARE(provider->currentData().toString(), QStringLiteral("wise"));
    QVERIFY(!provider->view()->isVisible());
    // Wise needs no issuer: the greyed field says why.
    auto *issuer = add.findChild<QLineEdit *>(QStringLiteral("issuerEdit"));
    QVERIFY(issuer && !issuer->isEnabled());
    QVERIFY2(issuer->placeholderText().contains(QStringLiteral("Wise")),
             qPrintable(issuer->placeholderText()));
    QVERIFY(!issuer->toolTip().isEmpty());
}

void TestMainWindow::signInDialog_namesTheAccountInFull_notInACutTitle()
{
    const QString name =
            QStringLiteral("Demo provider (single-use refresh tokens) — rotate tokens");
    SignInDialog dialog(name);
    dialog.show();
    QVERIFY(!dialog.windowTitle().contains(name)); // short: nothing for a title bar to cut
    auto *heading = dialog.findChild<QLabel *>(QStringLiteral("signInHeading"));
    QVERIFY(heading && heading->isVisible() && heading->wordWrap());
    QVERIFY(heading->text().contains(name));
}

void TestMainWindow::hidingTheWindow_stopsTheTick()
{
    seed({});
    QVERIFY(!m_window->tick().isActive());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(m_window->tick().isActive());
    m_window->hide();
    QVERIFY(!m_window->tick().isActive());
}

void TestMainWindow::demo_quitAndClosingAgree_andTheWindowSaysSo()
{
    // A connected account: quitting a session's service would stop refreshing it.
    Account connected = account(QStringLiteral("tv"), AccountState::Connected);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    connected.status.hasTokens = true;
    connected.status.hasRefreshToken = true;
    connected.status.accessIssuedAt = now;
    connected.status.accessExpiresAt = now.addSecs(3600);
    connected.status.nextRefreshAt = now.addSecs(3000);
    connected.status.generation = 1;
    QVERIFY(!m_registry->modify([&](QList<Account> &list) -> std::optional<Failure> {
        list += connected;
        return std::nullopt;
    }));
    m_secrets->items.insert(QStringLiteral("tv"), SecretBundle{QStringLiteral("secret"),
                                                               TokenSet{QStringLiteral("at"),
                                                                        QStringLiteral("Bearer"),
                                                                        QStringLiteral("rt"),
                                                                        {},
                                                                        {},
                                                                        now,
                                                                        now.addSecs(3600),
                                                                        now,
                                                                        {}},
                                                               1});
    m_service->start();
    m_window = std::make_unique<MainWindow>(*m_backend, SystemClock::instance());
    QAction *quit = nullptr;
    for (QAction *a : m_window->findChildren<QAction *>()) {
        if (a->text() == MainWindow::tr("&Quit Tether"))
            quit = a;
    }
    QVERIFY(quit);
    // A window of the session's service asks first: refreshing would stop.
    m_window->show();
    QTRY_COMPARE(m_window->shown()->rowCount(), 1);
    quit->trigger();
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = m_window->findChild<QMessageBox *>(QStringLiteral("quitConfirmation"))));
    box->reject();
    QTRY_VERIFY(!box->isVisible());
    // The demo's window ends the demo either way, asks nothing, and says so while it is open.
    m_window->setEndsWithWindow(QStringLiteral("Demo: closing the window ends it"));
    auto *note = m_window->findChild<QLabel *>(QStringLiteral("endsWithWindowNote"));
    QVERIFY(note && note->isVisible());
    quit->trigger();
    QVERIFY(!m_window->isVisible());
    QVERIFY(!m_window->findChild<QMessageBox *>(QStringLiteral("quitConfirmation"))
            || !m_window->findChild<QMessageBox *>(QStringLiteral("quitConfirmation"))
                        ->isVisible());
}

Account TestMainWindow::account(const QString &id, AccountState state, const QString &provider)
{
    Account a;
    a.config.id = id;
    a.config.name = id;
    a.config.provider = provider;
    a.config.clientId = QStringLiteral("c");
    a.status.state = state;
    a.status.hasClientSecret = true;
    return a;
}

// `count` connected accounts, acct-00, acct-01, ...
QList<Account> TestMainWindow::connectedAccounts(int count)
{
    QList<Account> accounts;
    for (int i = 0; i < count; ++i)
        accounts << account(QStringLiteral("acct-%1").arg(i, 2, 10, QLatin1Char('0')),
                            AccountState::Connected);
    return accounts;
}

void TestMainWindow::attentionFirst_withABannerNamingThem()
{
    Account broken = account(QStringLiteral("zulu"), AccountState::NeedsReconnect);
    broken.status.lastError = Failure::reconnect(QStringLiteral("invalid_grant"),
                                                 QStringLiteral("the provider said no"));
    seed({account(QStringLiteral("alpha"), AccountState::Connected),
          account(QStringLiteral("beta"), AccountState::Connected), broken});
    m_window->show();
    QTRY_COMPARE(m_window->shown()->rowCount(), 3);
    QCOMPARE(m_window->shown()->index(0, 0).data(AccountListModel::IdRole).toString(),
             QStringLiteral("zulu"));
    QCOMPARE(m_window->shown()->index(1, 0).data(AccountListModel::IdRole).toString(),
             QStringLiteral("alpha"));
    // A row whose state changes moves: beta needing the user now comes first (by name).
    Account betaBroken = account(QStringLiteral("beta"), AccountState::NeedsReconnect);
    m_window->model()->updateAccount(QStringLiteral("beta"), betaBroken);
    QStringList order;
    for (int row = 0; row < m_window->shown()->rowCount(); ++row)
        order << m_window->shown()->index(row, 0).data(AccountListModel::IdRole).toString();
    QCOMPARE(order, (QStringList{QStringLiteral("beta"), QStringLiteral("zulu"),
                                 QStringLiteral("alpha")}));
    m_window->model()->updateAccount(QStringLiteral("beta"),
                                     account(QStringLiteral("beta"), AccountState::Connected));
    QVERIFY(m_window->banner()->isVisible());
    QVERIFY2(m_window->banner()->text().contains(QLatin1String("zulu")),
             qPrintable(m_window->banner()->text()));
    // A screen reader hears the reason with the row.
    const QString description =
            m_window->shown()->index(0, 0).data(Qt::AccessibleDescriptionRole).toString();
    QVERIFY2(description.contains(QLatin1String("the provider said no")), qPrintable(description));
    QVERIFY2(description.contains(QLatin1String("Wise")), qPrintable(description));
}

void TestMainWindow::accountMenu_actionsFollowTheSelection_andOpenAsContextMenu()
{
    seed({account(QStringLiteral("ok"), AccountState::Connected),
          account(QStringLiteral("broken"), AccountState::NeedsReconnect)});
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_COMPARE(m_window->shown()->rowCount(), 2);
    auto action = [this](const char *name) {
        return m_window->accountMenu()->findChild<QAction *>(QString::fromLatin1(name));
    };
    // Nothing selected: nothing acts (the first row is current but not selected).
    for (const char *name : {"reconnectAction", "refreshAction", "editAction", "detailsAction",
                             "removeAction", "disconnectAction", "copyAction"})
        QVERIFY2(!action(name)->isEnabled(), name);
    m_window->showAccount(QStringLiteral("broken"));
    QVERIFY(action("reconnectAction")->isEnabled());
    QVERIFY(action("editAction")->isEnabled());
    QVERIFY(action("removeAction")->isEnabled());
    QVERIFY(!action("copyAction")->isEnabled()); // no access token
    QVERIFY(!action("deviceAction")->isEnabled()); // Wise offers no device sign-in
    // The same menu from the keyboard's context-menu key, at the row.
    QListView *list = m_window->list();
    Q_EMIT list->customContextMenuRequested(list->visualRect(list->currentIndex()).center());
    QTRY_VERIFY(m_window->accountMenu()->isVisible());
    m_window->accountMenu()->hide();
}

void TestMainWindow::returnOnARow_opensDetailsWithReasonAndReconnect()
{
    Account broken = account(QStringLiteral("broken"), AccountState::NeedsReconnect);
    broken.status.lastError = Failure::reconnect(QStringLiteral("invalid_grant"),
                                                 QStringLiteral("refresh token revoked"));
    seed({broken});
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_COMPARE(m_window->shown()->rowCount(), 1);
    m_window->showAccount(QStringLiteral("broken"));
    m_window->list()->setFocus();
    QTest::keyClick(m_window->list(), Qt::Key_Return);
    AccountDetailsDialog *details = nullptr;
    QTRY_VERIFY((details = m_window->findChild<AccountDetailsDialog *>()));
    QTRY_VERIFY(details->isVisible());
    bool reasonShown = false;
    for (const QLabel *label : details->findChildren<QLabel *>())
        reasonShown |= label->text() == QLatin1String("refresh token revoked");
    QVERIFY(reasonShown);
    auto *reconnect = details->findChild<QPushButton *>(QStringLiteral("detailsReconnectButton"));
    QVERIFY(reconnect);
    QVERIFY(reconnect->isDefault());
    QVERIFY(details->findChild<QPushButton *>(QStringLiteral("detailsEditButton")));
    details->reject();
}

void TestMainWindow::edit_replacesTheSecretAndClientAuth_keepsTheTokens()
{
    Account a = account(QStringLiteral("bank"), AccountState::Connected, QStringLiteral("pagero"));
    seed({a});
    TokenSet tokens;
    tokens.accessToken = QStringLiteral("at-1");
    tokens.refreshToken = QStringLiteral("rt-1");
    tokens.accessIssuedAt = QDateTime::currentDateTimeUtc();
    tokens.accessExpiresAt = tokens.accessIssuedAt.addSecs(600);
    m_secrets->items.insert(QStringLiteral("bank"),
                            SecretBundle{QStringLiteral("old-secret"), tokens, 1});
    m_window->show();
    QTRY_COMPARE(m_window->shown()->rowCount(), 1);
    m_window->showAccount(QStringLiteral("bank"));
    m_window->accountMenu()->findChild<QAction *>(QStringLiteral("editAction"))->trigger();
    EditAccountDialog *edit = nullptr;
    QTRY_VERIFY((edit = m_window->findChild<EditAccountDialog *>()));
    QVERIFY(!edit->saveButton()->isEnabled()); // nothing changed yet
    edit->field("secretEdit")->setText(QStringLiteral("n3w+secret/="));
    edit->clientAuthBox()->setCurrentIndex(edit->clientAuthBox()->findData(QStringLiteral("post")));
    QVERIFY(edit->saveButton()->isEnabled());
    QTest::mouseClick(edit->saveButton(), Qt::LeftButton);
    QTRY_COMPARE(m_secrets->items.value(QStringLiteral("bank")).clientSecret,
                 QStringLiteral("n3w+secret/="));
    const SecretBundle stored = m_secrets->items.value(QStringLiteral("bank"));
    QVERIFY(stored.tokens.has_value());
    QCOMPARE(stored.tokens->refreshToken, QStringLiteral("rt-1"));
    auto clientAuth = [this] {
        Account stored;
        return m_registry->loadAccount(QStringLiteral("bank"), &stored) ? std::nullopt
                                                                        : stored.config.clientAuth;
    };
    QTRY_COMPARE(clientAuth(), std::optional(ClientAuth::Post));

    // A bad value is refused in the dialog, with the reason, before anything is sent.
    m_window->accountMenu()->findChild<QAction *>(QStringLiteral("editAction"))->trigger();
    QTRY_VERIFY((edit = m_window->findChild<EditAccountDialog *>()) && edit->isVisible());
    edit->field("redirectUriEdit")->setText(QStringLiteral("https://example.com/callback"));
    QVERIFY(!edit->saveButton()->isEnabled());
    QVERIFY(!edit->problemLabel()->text().isEmpty());
    edit->reject();
}

void TestMainWindow::search_appearsWithManyAccounts_andFilters()
{
    QList<Account> many = connectedAccounts(30);
    many << account(QStringLiteral("payroll"), AccountState::Connected, QStringLiteral("pagero"));
    seed(many);
    m_window->show();
    QTRY_VERIFY(m_window->searchField()->isVisible());
    QTest::keyClicks(m_window->searchField(), QStringLiteral("PAGERO"));
    QTRY_COMPARE(m_window->shown()->rowCount(), 1);
    QCOMPARE(m_window->shown()->index(0, 0).data(AccountListModel::IdRole).toString(),
             QStringLiteral("payroll"));
    m_window->searchField()->clear();
    QTRY_COMPARE(m_window->shown()->rowCount(), 31);
    QTest::keyClicks(m_window->searchField(), QStringLiteral("acct-1"));
    QTRY_COMPARE(m_window->shown()->rowCount(), 10);
}

void TestMainWindow::manyAccounts_theListHasTheFocus_notTheSearch()
{
    // The search field shows before the window does (the accounts are in first): the arrow keys
    // still move through the rows at once, and no text cursor blinks twice a second while the
    // window sits idle.
    seed(connectedAccounts(30));
    QTRY_VERIFY(m_window->searchField()->isVisibleTo(m_window.get()));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(m_window->list()));
}

void TestMainWindow::deviceSignIn_showsTheCodeAndAQrCode()
{
    SignInDialog dialog(QStringLiteral("Bank"));
    SignInProgress progress;
    DeviceCode code;
    code.userCode = QStringLiteral("WDJB-MJHT");
    code.verificationUri = QUrl(QStringLiteral("https://login.example/device"));
    code.verificationUriComplete =
            QUrl(QStringLiteral("https://login.example/device?user_code=WDJB-MJHT"));
    code.expiresAt = QDateTime::currentDateTimeUtc().addSecs(900);
    progress.url = code.verificationUri;
    progress.device = code;
    dialog.showProgress(progress);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(dialog.qrLabel()->isVisible());
    const QPixmap qr = dialog.qrLabel()->pixmap();
    QVERIFY(!qr.isNull());
    QCOMPARE(qr.width(), qr.height());
    // Dark modules on white, with a white quiet zone around them.
    const QImage image = qr.toImage();
    QCOMPARE(image.pixelColor(0, 0), QColor(Qt::white));
    int dark = 0;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2)
            dark += image.pixelColor(x, y) == QColor(Qt::black);
    QVERIFY(dark > 50);
    QCOMPARE(dialog.urlEdit()->text(),
             QStringLiteral("https://login.example/device?user_code=WDJB-MJHT"));
    QVERIFY(dialog.qrLabel()->accessibleDescription().contains(QLatin1String("user_code")));
}

void TestMainWindow::rowButton_reconnectsByClickAndBySpace()
{
    seed({account(QStringLiteral("ok"), AccountState::Connected),
          account(QStringLiteral("broken"), AccountState::NeedsReconnect)});
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_COMPARE(m_window->shown()->rowCount(), 2);
    QListView *list = m_window->list();
    auto *delegate = qobject_cast<AccountDelegate *>(list->itemDelegate());
    QVERIFY(delegate);
    QSignalSpy asked(delegate, &AccountDelegate::reconnectRequested);
    QStyleOptionViewItem option;
    option.initFrom(list);
    auto rectOf = [&](int row) {
        option.rect = list->visualRect(m_window->shown()->index(row, 0));
        return AccountDelegate::actionRect(option, m_window->shown()->index(row, 0));
    };
    QVERIFY(!rectOf(0).isEmpty()); // the broken row, sorted first, has its button
    QVERIFY(rectOf(1).isEmpty()); // the healthy one has none
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rectOf(0).center());
    QCOMPARE(asked.count(), 1);
    QCOMPARE(asked.at(0).at(0).toString(), QStringLiteral("broken"));
    // The keyboard: Space on the row.
    m_window->showAccount(QStringLiteral("broken"));
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Space);
    QCOMPARE(asked.count(), 2);
    // Space on a healthy row starts nothing.
    m_window->showAccount(QStringLiteral("ok"));
    QTest::keyClick(list, Qt::Key_Space);
    QCOMPARE(asked.count(), 2);

    // Painted: the button's text is in the row's pixels where the rect says (not elided).
    QImage image(list->viewport()->size() * 2, QImage::Format_ARGB32);
    image.setDevicePixelRatio(2);
    image.fill(list->palette().color(QPalette::Base));
    list->viewport()->render(&image);
    const QRect button = rectOf(0);
    const QImage inside = image.copy(QRect(button.topLeft() * 2, button.size() * 2));
    QSet<QRgb> colours;
    for (int y = 0; y < inside.height(); ++y)
        for (int x = 0; x < inside.width(); ++x)
            colours.insert(inside.pixel(x, y));
    QVERIFY2(colours.size() > 8, "the button and its text are drawn"); // more than a flat fill
    QVERIFY(option.fontMetrics.horizontalAdvance(
                    AccountDelegate::actionText(m_window->shown()->index(0, 0)))
            < button.width());
}

void TestMainWindow::narrowWindow_keepsItsActionsWithoutClipping()
{
    seed({account(QStringLiteral("broken"), AccountState::NeedsReconnect)});
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    auto shownButtons = [this] {
        QList<QPushButton *> shown;
        for (QPushButton *b : m_window->centralWidget()->findChildren<QPushButton *>()) {
            if (b->isVisible())
                shown << b;
        }
        return shown;
    };
    m_window->resize(900, 520);
    QTRY_COMPARE(shownButtons().size(), 7);
    m_window->resize(480, 520);
    QTRY_VERIFY(m_window->width() <= 480); // nothing forces the window wider
    QTRY_VERIFY(shownButtons().size() < 7);
    QVERIFY(m_window->reconnectButton()->isVisible());
    // A shown button is never squeezed below the width its text needs, nor cut at the edge
    // (once the layout has run: it runs after the resize, in the event loop).
    auto unclipped = [&] {
        for (const QPushButton *b : shownButtons()) {
            if (b->width() < b->sizeHint().width()
                || b->mapTo(m_window.get(), QPoint(b->width(), 0)).x() > m_window->width())
                return false;
        }
        return true;
    };
    QTRY_VERIFY(unclipped());
    // What is hidden stays one click away in the Account menu.
    for (const char *name : {"removeAction", "disconnectAction", "detailsAction", "copyAction"})
        QVERIFY(m_window->accountMenu()->findChild<QAction *>(QString::fromLatin1(name)));
    m_window->resize(900, 520);
    QTRY_COMPARE(shownButtons().size(), 7);
}

namespace {

// Alt+letter clashes within one top-level: buttons, labels with a buddy, menu titles.
QStringList mnemonicClashes(QWidget *root)
{
    QMap<QChar, QStringList> seen;
    auto note = [&seen](const QString &text) {
        const int amp = text.indexOf(QLatin1Char('&'));
        if (amp < 0 || amp + 1 >= text.size() || text.at(amp + 1) == QLatin1Char('&'))
            return;
        seen[text.at(amp + 1).toLower()] << text;
    };
    for (const QAbstractButton *b : root->findChildren<QAbstractButton *>()) {
        if (b->isVisibleTo(root))
            note(b->text());
    }
    for (const QLabel *l : root->findChildren<QLabel *>()) {
        if (l->buddy())
            note(l->text());
    }
    if (auto *window = qobject_cast<QMainWindow *>(root)) {
        for (const QAction *a : window->menuBar()->actions())
            note(a->text());
    }
    QStringList clashes;
    for (auto it = seen.cbegin(); it != seen.cend(); ++it) {
        if (it->size() > 1)
            clashes << it->join(QStringLiteral(" / "));
    }
    return clashes;
}

} // namespace

void TestMainWindow::checkMnemonics()
{
    m_window->resize(900, 520);
    QVERIFY2(mnemonicClashes(m_window.get()).isEmpty(),
             qPrintable(mnemonicClashes(m_window.get()).join(QStringLiteral("; "))));
    AddAccountDialog add(m_catalog);
    QVERIFY2(mnemonicClashes(&add).isEmpty(),
             qPrintable(mnemonicClashes(&add).join(QStringLiteral("; "))));
    EditAccountDialog edit(account(QStringLiteral("bank"), AccountState::Connected), m_catalog);
    QVERIFY2(mnemonicClashes(&edit).isEmpty(),
             qPrintable(mnemonicClashes(&edit).join(QStringLiteral("; "))));
}

void TestMainWindow::mnemonics_uniqueInTheWindowAndEachDialog()
{
    seed({account(QStringLiteral("bank"), AccountState::NeedsReconnect)});
    m_window->show();
    QTRY_COMPARE(m_window->shown()->rowCount(), 1);
    checkMnemonics();
}

void TestMainWindow::addDialog_importsAPastedTokenResponse()
{
    seed({});
    m_window->show();
    m_window->addAccount();
    auto *dialog = m_window->findChild<AddAccountDialog *>();
    QVERIFY(dialog);
    dialog->providerBox()->setCurrentIndex(dialog->providerBox()->findData(QStringLiteral("wise")));
    QTest::keyClicks(dialog->idEdit(), QStringLiteral("pasted"));
    QTest::keyClicks(dialog->clientIdEdit(), QStringLiteral("client-1"));
    QTest::keyClicks(dialog->secretEdit(), QStringLiteral("s3cret"));
    auto *response = dialog->findChild<QPlainTextEdit *>();
    QVERIFY(response);
    response->setPlainText(QStringLiteral(R"({"access_token": "at-pasted", "token_type": "Bearer",
        "expires_in": 3600, "refresh_token": "rt-pasted"})"));
    QVERIFY(dialog->addOnlyButton()->isEnabled());
    QTest::mouseClick(dialog->addOnlyButton(), Qt::LeftButton);
    QTRY_VERIFY(m_secrets->items.value(QStringLiteral("pasted")).tokens.has_value());
    const TokenSet stored = *m_secrets->items.value(QStringLiteral("pasted")).tokens;
    QCOMPARE(stored.accessToken, QStringLiteral("at-pasted"));
    QCOMPARE(stored.refreshToken, QStringLiteral("rt-pasted"));
    QCOMPARE(m_secrets->items.value(QStringLiteral("pasted")).clientSecret,
             QStringLiteral("s3cret"));
    QTRY_COMPARE(
            AccountState(m_window->model()->index(0).data(AccountListModel::StateRole).toInt()),
            AccountState::Connected);
    QVERIFY(m_opened.isEmpty()); // imported: no browser
}

void TestMainWindow::signIn_cancelledWhilePending_leavesTheAccountAsItWas()
{
    DemoProvider provider;
    seedBrokenDemoAccount(provider);
    m_window->show();
    QTRY_COMPARE(m_window->shown()->rowCount(), 1);
    m_window->showAccount(QStringLiteral("demo-broken"));
    QTest::mouseClick(m_window->reconnectButton(), Qt::LeftButton);
    QTRY_COMPARE(m_opened.size(), 1); // the browser was asked; the user never comes back
    SignInDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<SignInDialog *>()));
    const QPointer<SignInDialog> guard(dialog);
    dialog->reject(); // Cancel
    QTRY_VERIFY(guard.isNull()); // closed and gone
    QCOMPARE(AccountState(m_window->model()->index(0).data(AccountListModel::StateRole).toInt()),
             AccountState::NeedsReconnect);
    QVERIFY(!m_secrets->items.value(QStringLiteral("demo-broken")).tokens.has_value());
    // The sign-in is over at the service too: a new one starts (not "already under way").
    QTest::mouseClick(m_window->reconnectButton(), Qt::LeftButton);
    QTRY_COMPARE(m_opened.size(), 2);
    QTRY_VERIFY(m_window->findChild<SignInDialog *>());
    m_window->findChild<SignInDialog *>()->reject();
}

void TestMainWindow::german_throughout()
{
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    installTranslations(*QCoreApplication::instance());
    Account broken = account(QStringLiteral("bank"), AccountState::NeedsReconnect);
    seed({broken, account(QStringLiteral("books"), AccountState::Connected)});
    m_window->show();
    QTRY_COMPARE(m_window->shown()->rowCount(), 2);
    m_window->showAccount(QStringLiteral("bank"));
    QCOMPARE(m_window->reconnectButton()->text(), QStringLiteral("&Neu verbinden"));
    QCOMPARE(m_window->accountMenu()->title(), QStringLiteral("&Konto"));
    QVERIFY2(m_window->banner()->text().startsWith(
                     QStringLiteral("Bei 1 Konto müssen Sie sich neu anmelden: bank")),
             qPrintable(m_window->banner()->text()));
    // Every button and menu entry of the window is German (none is its English source; "&Tether"
    // and "&Details…" are the same words in both).
    const QStringList sources{
            QStringLiteral("&Add account…"), QStringLiteral("Re&connect"),
            QStringLiteral("&Refresh now"),  QStringLiteral("Cop&y access token"),
            QStringLiteral("Detai&ls…"),     QStringLiteral("&Disconnect"),
            QStringLiteral("Re&move…"),      QStringLiteral("Acc&ount"),
            QStringLiteral("Refresh &all"),  QStringLiteral("Start at &login"),
            QStringLiteral("&Close window"), QStringLiteral("&Quit Tether"),
            QStringLiteral("&Edit…"),        QStringLiteral("Re&connect in the browser"),
            QStringLiteral("D&isconnect"),   QStringLiteral("Sign in on &another device…")};
    QStringList english;
    for (const QAbstractButton *b : m_window->findChildren<QAbstractButton *>()) {
        if (sources.contains(b->text()))
            english << b->text();
    }
    for (const QAction *menu : m_window->menuBar()->actions()) {
        if (sources.contains(menu->text()))
            english << menu->text();
        for (const QAction *item : menu->menu()->actions()) {
            if (sources.contains(item->text()))
                english << item->text();
        }
    }
    QVERIFY2(english.isEmpty(), qPrintable(english.join(QStringLiteral(", "))));
    // Qt's own buttons too: the remove confirmation says Abbrechen.
    m_window->accountMenu()->findChild<QAction *>(QStringLiteral("removeAction"))->trigger();
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = m_window->findChild<QMessageBox *>(QStringLiteral("removeConfirmation"))));
    QStringList buttons;
    for (const QAbstractButton *b : box->buttons())
        buttons << b->text().remove(QLatin1Char('&'));
    QVERIFY2(buttons.contains(QStringLiteral("Abbrechen")), qPrintable(buttons.join(u',')));
    QVERIFY2(buttons.contains(QStringLiteral("Entfernen")), qPrintable(buttons.join(u',')));
    QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
    box->reject();
    checkMnemonics(); // the German ones too

    // Details of a demo account that failed: the provider's German name, words instead of
    // machine codes, and no English left (the history's outcome, the token request).
    Account demo = account(QStringLiteral("tv"), AccountState::Retrying, QStringLiteral("demo"));
    demo.status.lastError = Failure::temporary(QStringLiteral("unknown_account"),
                                               QStringLiteral("Der Server kennt das Konto nicht"));
    demo.status.hasTokens = true;
    demo.status.hasRefreshToken = true;
    demo.status.refreshExpiresAt = QDateTime::currentDateTimeUtc().addSecs(180);
    const QList<HistoryEntry> history{
            {QDateTime::currentDateTimeUtc(), QStringLiteral("unknown_account"), 400,
             QStringLiteral("Der Server kennt das Konto nicht")},
            {QDateTime::currentDateTimeUtc(), QStringLiteral("refreshed"), 0, {}}};
    AccountDetailsDialog details(demo, m_catalog, history);
    QStringList texts;
    for (const QLabel *label : details.findChildren<QLabel *>())
        texts << label->text();
    for (const QTreeWidget *tree : details.findChildren<QTreeWidget *>()) {
        for (int row = 0; row < tree->topLevelItemCount(); ++row) {
            for (int column = 0; column < tree->columnCount(); ++column)
                texts << tree->topLevelItem(row)->text(column);
        }
    }
    const QString all = texts.join(u'|');
    QVERIFY2(all.contains(QStringLiteral("Demo-Anbieter")), qPrintable(all));
    static const QRegularExpression machineCode(QStringLiteral("\\b[a-z]+(_[a-z]+)+\\b"));
    QVERIFY2(!machineCode.match(all).hasMatch(), qPrintable(machineCode.match(all).captured()));
    for (const QString &english : {QStringLiteral("Demo provider"), QStringLiteral("form"),
                                   QStringLiteral("refreshed"), QStringLiteral("not documented")})
        QVERIFY2(!all.contains(english), qPrintable(english + QStringLiteral(" in ") + all));
    QLocale::setDefault(QLocale::c());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
