#include "backend/busclient.h"
#include "backend/busnames.h"
#include "core/clock.h"
#include "core/paths.h"
#include "providers/providercatalog.h"
#include "ui/accountdetailsdialog.h"
#include "ui/accountlistmodel.h"
#include "ui/editaccountdialog.h"
#include "ui/mainwindow.h"

#include <QComboBox>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTest>
#include <QTreeWidget>

#include <unistd.h>

using namespace tether;

// The window as a client of a real `tether service` process on a private session bus, with a
// real gnome-keyring (tests/support/with-keyring.sh): what it shows is what the service stores,
// an Edit round trip changes nothing, and it follows the service leaving and coming back.
class TestWindowService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void start_windowStartsTheService_withoutAnError();
    void edit_showsTheStoredSettings_andSavesOnlyWhatChanged();
    void details_showTheAccountsIdNameAndClientId();
    void details_listWhoMayTakeTheToken_andRemoveWithdrawsInOneClick();
    void deviceSignIn_enabledWhereTheAccountHasAnEndpoint();
    void serviceStopped_windowSaysSoAtOnce_andRecoversWhenItReturns();
    void quit_stopsTheService_andAReopenedWindowStartsItAgain();

private:
    struct Run
    {
        int code = -1;
        QByteArray out;
        QByteArray err;
    };
    Run tether(const QStringList &arguments, const QByteArray &input = {});
    bool serviceOwned() const;
    void stopService();
    void openWindow();
    void selectRow(const QString &id);
    template<typename Dialog>
    Dialog *openDialogOf(QAction *action);
    QByteArray keychainItem(const QString &id);

    QString m_tether;
    ProviderCatalog m_catalog = ProviderCatalog::installed();
    std::unique_ptr<BusClient> m_client;
    std::unique_ptr<MainWindow> m_window;
};

void TestWindowService::initTestCase()
{
    m_tether = qEnvironmentVariable("TETHER_BIN");
    if (m_tether.isEmpty() || !qEnvironmentVariableIsSet("TETHER_TEST_ROOT"))
        QFAIL("run through tests/support/with-keyring.sh with TETHER_BIN set");
    QVERIFY(QDBusConnection::sessionBus().isConnected());
}

void TestWindowService::init()
{
    // Two accounts, stored through the command line (no service runs yet): one with every
    // setting of its own, a device endpoint included; one with its provider's defaults.
    QCOMPARE(tether({QStringLiteral("add"),
                     QStringLiteral("tv"),
                     QStringLiteral("--provider"),
                     QStringLiteral("wise"),
                     QStringLiteral("--name"),
                     QStringLiteral("TV box"),
                     QStringLiteral("--client-id"),
                     QStringLiteral("tv-client"),
                     QStringLiteral("--client-secret-stdin"),
                     QStringLiteral("--token-endpoint"),
                     QStringLiteral("http://127.0.0.1:9/wise/token"),
                     QStringLiteral("--authorization-endpoint"),
                     QStringLiteral("http://127.0.0.1:9/wise/authorize"),
                     QStringLiteral("--revocation-endpoint"),
                     QStringLiteral("http://127.0.0.1:9/wise/revoke"),
                     QStringLiteral("--device-authorization-endpoint"),
                     QStringLiteral("http://127.0.0.1:9/wise/device"),
                     QStringLiteral("--scope"),
                     QStringLiteral("transfers balances"),
                     QStringLiteral("--client-auth"),
                     QStringLiteral("post")},
                    "tv-secret")
                     .code,
             0);
    QCOMPARE(tether({QStringLiteral("import"), QStringLiteral("tv")},
                    R"({"access_token":"tv-at","token_type":"Bearer","expires_in":3600,)"
                    R"("refresh_token":"tv-rt"})")
                     .code,
             0);
    QCOMPARE(tether({QStringLiteral("add"), QStringLiteral("plain"), QStringLiteral("--provider"),
                     QStringLiteral("wise"), QStringLiteral("--client-id"),
                     QStringLiteral("plain-client"), QStringLiteral("--client-secret-stdin")},
                    "plain-secret")
                     .code,
             0);
}

void TestWindowService::cleanup()
{
    m_window.reset();
    m_client.reset();
    stopService();
    tether({QStringLiteral("remove"), QStringLiteral("tv")});
    tether({QStringLiteral("remove"), QStringLiteral("plain")});
    QFile::remove(paths::accountsFile());
}

TestWindowService::Run TestWindowService::tether(const QStringList &arguments,
                                                 const QByteArray &input)
{
    QProcess process;
    // As another program runs it: without a terminal, wherever the test itself runs.
    process.setChildProcessModifier([] { ::setsid(); });
    process.start(m_tether, arguments);
    process.write(input);
    process.closeWriteChannel();
    // A test process waiting for a child it started; the code under test never blocks so.
    if (!process.waitForFinished(60'000))
        return {};
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

bool TestWindowService::serviceOwned() const
{
    return QDBusConnection::sessionBus().interface()->isServiceRegistered(bus::kService).value();
}

void TestWindowService::stopService()
{
    if (!serviceOwned())
        return;
    QDBusMessage quit = QDBusMessage::createMethodCall(bus::kService, bus::kPath, bus::kInterface,
                                                       QStringLiteral("Quit"));
    QDBusConnection::sessionBus().call(quit);
    QTRY_VERIFY_WITH_TIMEOUT(!serviceOwned(), 10'000);
}

void TestWindowService::openWindow()
{
    m_client = std::make_unique<BusClient>(m_catalog);
    m_client->setServiceProgram(m_tether); // the build tree has no D-Bus activation file
    m_window = std::make_unique<MainWindow>(*m_client, SystemClock::instance());
    m_window->show();
    bool answered = false;
    m_client->ensureService({m_window.get(), [this, &answered](const std::optional<Failure> &f) {
                                 answered = true;
                                 if (f)
                                     qWarning("%s", qPrintable(f->message));
                             }});
    QTRY_VERIFY_WITH_TIMEOUT(answered, 20'000);
    QTRY_COMPARE(m_window->model()->rowCount(), 2);
}

void TestWindowService::selectRow(const QString &id)
{
    const QModelIndex source = m_window->model()->index(m_window->model()->rowOf(id));
    const QModelIndex shown = m_window->shown()->mapFromSource(source);
    QVERIFY(shown.isValid());
    m_window->list()->setCurrentIndex(shown);
    QCOMPARE(m_window->selectedId(), id);
}

template<typename Dialog>
Dialog *TestWindowService::openDialogOf(QAction *action)
{
    action->trigger();
    Dialog *dialog = nullptr;
    const bool opened = QTest::qWaitFor(
            [&] { return (dialog = m_window->findChild<Dialog *>()) && dialog->isVisible(); });
    return opened ? dialog : nullptr;
}

QByteArray TestWindowService::keychainItem(const QString &id)
{
    // secret-tool reads the same Secret Service item QtKeychain wrote (libsecret's schema).
    QProcess lookup;
    lookup.start(QStringLiteral("secret-tool"),
                 {QStringLiteral("lookup"), QStringLiteral("server"), paths::keychainService(),
                  QStringLiteral("user"), id, QStringLiteral("type"), QStringLiteral("plaintext")});
    if (!lookup.waitForFinished(20'000))
        return {};
    return lookup.readAllStandardOutput();
}

void TestWindowService::start_windowStartsTheService_withoutAnError()
{
    QVERIFY(!serviceOwned());
    openWindow();
    QVERIFY(serviceOwned());
    QVERIFY(!m_window->serviceBar()->isVisible());
    QVERIFY(m_window->statusBar()->currentMessage().isEmpty());
}

void TestWindowService::edit_showsTheStoredSettings_andSavesOnlyWhatChanged()
{
    openWindow();
    const QByteArray registryBefore = [] {
        QFile f(paths::accountsFile());
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    const QByteArray secretsBefore = keychainItem(QStringLiteral("tv"));
    QVERIFY(registryBefore.contains("tv-client"));
    QVERIFY(!secretsBefore.isEmpty());

    selectRow(QStringLiteral("tv"));
    auto *edit = openDialogOf<EditAccountDialog>(
            m_window->findChild<QAction *>(QStringLiteral("editAction")));
    QVERIFY(edit);
    auto text = [edit](const char *name) {
        return edit->findChild<QLineEdit *>(QString::fromLatin1(name))->text();
    };
    QCOMPARE(text("nameEdit"), QStringLiteral("TV box"));
    QCOMPARE(text("clientIdEdit"), QStringLiteral("tv-client"));
    QCOMPARE(text("scopeEdit"), QStringLiteral("transfers balances"));
    QCOMPARE(text("tokenEndpointEdit"), QStringLiteral("http://127.0.0.1:9/wise/token"));
    QCOMPARE(text("authorizationEndpointEdit"),
             QStringLiteral("http://127.0.0.1:9/wise/authorize"));
    QCOMPARE(text("revocationEndpointEdit"), QStringLiteral("http://127.0.0.1:9/wise/revoke"));
    QCOMPARE(text("deviceEndpointEdit"), QStringLiteral("http://127.0.0.1:9/wise/device"));
    QVERIFY(text("secretEdit").isEmpty());
    QCOMPARE(edit->findChild<QLineEdit *>(QStringLiteral("secretEdit"))->placeholderText(),
             EditAccountDialog::tr("unchanged (type to replace it)"));
    QCOMPARE(edit->findChild<QComboBox *>(QStringLiteral("clientAuthBox"))->currentData(),
             QVariant(QStringLiteral("post")));

    // Untouched, there is nothing to save.
    auto *save = edit->findChild<QPushButton *>(QStringLiteral("saveButton"));
    QVERIFY(!save->isEnabled());

    // One field changed: that field alone changes, in the registry and nowhere else.
    QPointer<EditAccountDialog> open(edit);
    QLineEdit *name = edit->findChild<QLineEdit *>(QStringLiteral("nameEdit"));
    name->selectAll();
    QTest::keyClicks(name, QStringLiteral("Living room TV"));
    QVERIFY(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_VERIFY2(!open || !open->isVisible(),
                 qPrintable(open ? open->findChild<QLabel *>(QStringLiteral("editProblem"))->text()
                                 : QString()));
    QFile registry(paths::accountsFile());
    QVERIFY(registry.open(QIODevice::ReadOnly));
    QCOMPARE(registry.readAll(),
             QByteArray(registryBefore).replace("\"TV box\"", "\"Living room TV\""));
    QCOMPARE(keychainItem(QStringLiteral("tv")), secretsBefore);
    QCOMPARE(tether({QStringLiteral("token"), QStringLiteral("tv")}).out, QByteArray("tv-at\n"));
}

void TestWindowService::details_showTheAccountsIdNameAndClientId()
{
    openWindow();
    selectRow(QStringLiteral("tv"));
    auto *details = openDialogOf<AccountDetailsDialog>(
            m_window->findChild<QAction *>(QStringLiteral("detailsAction")));
    QVERIFY(details);
    QStringList texts;
    for (const QLabel *label : details->findChildren<QLabel *>())
        texts << label->text();
    QVERIFY2(texts.contains(QStringLiteral("tv (tv-client)")), qPrintable(texts.join(u'|')));
    QVERIFY(details->windowTitle().contains(QStringLiteral("TV box")));
}

void TestWindowService::details_listWhoMayTakeTheToken_andRemoveWithdrawsInOneClick()
{
    // Decided before the service runs: /usr/bin/env is refused the token of "tv". The program
    // that added the account (this test, running `tether add` without a terminal) may take it.
    QCOMPARE(tether({QStringLiteral("access"), QStringLiteral("deny"), QStringLiteral("tv"),
                     QStringLiteral("/usr/bin/env")})
                     .code,
             0);
    openWindow();
    selectRow(QStringLiteral("tv"));
    auto *details = openDialogOf<AccountDetailsDialog>(
            m_window->findChild<QAction *>(QStringLiteral("detailsAction")));
    QVERIFY(details);
    auto *list = details->findChild<QTreeWidget *>(QStringLiteral("accessList"));
    QVERIFY(list);
    QCOMPARE(list->topLevelItemCount(), 2);
    QTreeWidgetItem *denied = nullptr;
    QTreeWidgetItem *creator = nullptr;
    for (int row = 0; row < list->topLevelItemCount(); ++row) {
        QTreeWidgetItem *item = list->topLevelItem(row);
        (item->text(0) == QStringLiteral("/usr/bin/env") ? denied : creator) = item;
    }
    QVERIFY(denied && creator);
    QCOMPARE(denied->text(1), AccountDetailsDialog::tr("denied"));
    QCOMPARE(creator->text(0),
             QFileInfo(QCoreApplication::applicationFilePath()).canonicalFilePath());
    QCOMPARE(creator->text(1), AccountDetailsDialog::tr("allowed"));
    QCOMPARE(creator->text(2), AccountDetailsDialog::tr("never"));
    auto *remove = qobject_cast<QPushButton *>(list->itemWidget(denied, 3));
    QVERIFY(remove);
    QVERIFY(remove->accessibleName().contains(QStringLiteral("/usr/bin/env")));
    remove->click(); // one click
    QTRY_COMPARE(list->topLevelItemCount(), 1);
    QCOMPARE(list->topLevelItem(0)->text(0), creator->text(0));
    // The service forgot it: the command line (a client of the same service) agrees.
    const Run listed = tether({QStringLiteral("access"), QStringLiteral("list"),
                               QStringLiteral("tv"), QStringLiteral("--json")});
    QCOMPARE(listed.code, 0);
    QVERIFY2(!listed.out.contains("/usr/bin/env"), listed.out.constData());
    QVERIFY(listed.out.contains("added_account"));
}

void TestWindowService::deviceSignIn_enabledWhereTheAccountHasAnEndpoint()
{
    openWindow();
    auto *device = m_window->findChild<QAction *>(QStringLiteral("deviceAction"));
    selectRow(QStringLiteral("tv"));
    QVERIFY(device->isEnabled());
    selectRow(QStringLiteral("plain")); // Wise documents no device endpoint
    QVERIFY(!device->isEnabled());
}

void TestWindowService::serviceStopped_windowSaysSoAtOnce_andRecoversWhenItReturns()
{
    openWindow();
    selectRow(QStringLiteral("tv"));
    auto *refresh = m_window->findChild<QAction *>(QStringLiteral("refreshAction"));
    QVERIFY(refresh->isEnabled());

    // Stopped from outside the window, as `systemctl --user stop tether` does.
    QDBusConnection::sessionBus().call(QDBusMessage::createMethodCall(
            bus::kService, bus::kPath, bus::kInterface, QStringLiteral("Quit")));
    QTRY_VERIFY(m_window->serviceBar()->isVisible());
    QVERIFY(!serviceOwned());
    QVERIFY(!refresh->isEnabled());
    QVERIFY(!m_window->list()->isEnabled());
    auto *text = m_window->findChild<QLabel *>(QStringLiteral("serviceBarText"));
    QVERIFY(text->text().contains(MainWindow::tr("not being refreshed")));

    QTest::mouseClick(m_window->findChild<QPushButton *>(QStringLiteral("startServiceButton")),
                      Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->serviceBar()->isVisible(), 20'000);
    QVERIFY(serviceOwned());
    QVERIFY(m_window->list()->isEnabled());
    QTRY_COMPARE(m_window->model()->rowCount(), 2);
    selectRow(QStringLiteral("tv"));
    QVERIFY(refresh->isEnabled());
}

void TestWindowService::quit_stopsTheService_andAReopenedWindowStartsItAgain()
{
    openWindow();
    m_window->quitTether();
    QMessageBox *confirm = nullptr;
    QTRY_VERIFY(confirm = m_window->findChild<QMessageBox *>(QStringLiteral("quitConfirmation")));
    for (QAbstractButton *b : confirm->buttons()) {
        if (confirm->buttonRole(b) == QMessageBox::AcceptRole)
            b->click();
    }
    QTRY_VERIFY_WITH_TIMEOUT(!serviceOwned(), 10'000);
    QTRY_VERIFY(!m_window->isVisible());
    m_window.reset();
    m_client.reset();

    openWindow();
    QVERIFY(serviceOwned());
    QVERIFY(!m_window->serviceBar()->isVisible());
    QCOMPARE(tether({QStringLiteral("token"), QStringLiteral("tv")}).out, QByteArray("tv-at\n"));
}

QTEST_MAIN(TestWindowService)
#include "tst_windowservice.moc"
