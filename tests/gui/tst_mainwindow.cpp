#include "accounts/accountregistry.h"
#include "accounts/accountservice.h"
#include "core/clock.h"
#include "demo/demoprovider.h"
#include "oauth/tokenclient.h"
#include "providers/providercatalog.h"
#include "refresh/refreshservice.h"
#include "service/servicebackend.h"
#include "support/manualwaketimer.h"
#include "support/memorysecretstore.h"
#include "support/printers.h"
#include "ui/accountlistmodel.h"
#include "ui/addaccountdialog.h"
#include "ui/mainwindow.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
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

private:
    void seed(const QList<Account> &accounts);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<test::MemorySecretStore> m_secrets;
    std::unique_ptr<AccountRegistry> m_registry;
    std::unique_ptr<TokenClient> m_tokens;
    ProviderCatalog m_catalog = ProviderCatalog::fromDirectories(
            {QStringLiteral(":/providers"), QStringLiteral(":/demo")});
    std::unique_ptr<AccountService> m_accounts;
    std::unique_ptr<test::ManualWakeTimer> m_timer;
    std::unique_ptr<RefreshService> m_service;
    std::unique_ptr<ServiceBackend> m_backend;
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
    m_accounts = std::make_unique<AccountService>(engine);
    m_timer = std::make_unique<test::ManualWakeTimer>();
    m_service = std::make_unique<RefreshService>(engine, nullptr, m_timer.get());
    m_backend = std::make_unique<ServiceBackend>(
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
    QString error;
    QVERIFY(provider.start(&error));
    Account broken;
    for (const auto &demo : provider.accounts()) {
        if (demo.config.id == QLatin1String("demo-broken"))
            broken.config = demo.config;
    }
    broken.status.state = AccountState::NeedsReconnect;
    broken.status.hasClientSecret = true;
    seed({broken});
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

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
