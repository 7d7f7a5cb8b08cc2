#include "backend/accountbackend.h"
#include "cli/commandline.h"
#include "core/translations.h"
#include "providers/providercatalog.h"
#include "support/manualclock.h"
#include "support/printers.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace tether;

namespace {

// An AccountBackend in memory: what the command line asked, and scripted replies.
class FakeBackend final : public QObject, public AccountBackend
{
public:
    ProviderCatalog profiles = ProviderCatalog::fromDirectories({QStringLiteral(":/providers")});
    QList<Account> accounts;
    QStringList calls;
    std::optional<AccountConfig> added;
    std::optional<QString> addedSecret;
    std::optional<AccountEdit> edited;
    QByteArray imported;
    QHash<QString, RefreshReply> refreshes;
    TokenReply tokenReply;
    Outcome outcome = Outcome::done(QStringLiteral("done"));

    const ProviderCatalog &catalog() const override { return profiles; }
    void listAccounts(const Callback<const AccountList &> &reply) override
    {
        calls << QStringLiteral("list");
        later([=] { reply({std::nullopt, accounts}); });
    }
    void addAccount(const AccountConfig &config, const std::optional<QString> &secret,
                    const Done &done) override
    {
        added = config;
        addedSecret = secret;
        later([=] { done(outcome); });
    }
    void editAccount(const QString &, const AccountEdit &edit, const Done &done) override
    {
        edited = edit;
        later([=] { done(outcome); });
    }
    void importTokens(const QString &, const QByteArray &response, const Done &done) override
    {
        imported = response;
        later([=] { done(outcome); });
    }
    void refresh(const QString &id, const Callback<const RefreshReply &> &reply) override
    {
        calls << QStringLiteral("refresh ") + id;
        const RefreshReply r = refreshes.value(id);
        later([=] { reply(r); });
    }
    void accessToken(const QString &id, const Callback<const TokenReply &> &reply) override
    {
        calls << QStringLiteral("token ") + id;
        later([=] { reply(tokenReply); });
    }
    void disconnectAccount(const QString &id, const Done &done) override
    {
        calls << QStringLiteral("disconnect ") + id;
        later([=] { done(outcome); });
    }
    void removeAccount(const QString &id, const Done &done) override
    {
        calls << QStringLiteral("remove ") + id;
        later([=] { done(outcome); });
    }
    void listAccess(const QString &id, const Callback<const AccessReply &> &reply) override
    {
        calls << QStringLiteral("access list ") + id;
        later([=] { reply({std::nullopt, decisions}); });
    }
    void setAccess(const QString &id, const QString &program,
                   std::optional<AccessDecision::Verdict> verdict, const Done &done) override
    {
        calls << QStringLiteral("access %1 %2 %3")
                         .arg(verdict ? nameOf(*verdict) : QStringLiteral("forget"), id, program);
        later([=] { done(outcome); });
    }
    QList<AccessDecision> decisions;

private:
    void later(const std::function<void()> &f)
    {
        QMetaObject::invokeMethod(this, f, Qt::QueuedConnection);
    }
};

Account account(const QString &id, AccountState state)
{
    Account a;
    a.config.id = id;
    a.config.name = id;
    a.config.provider = QStringLiteral("wise");
    a.status.state = state;
    return a;
}

} // namespace

// `tether COMMAND`: every command is one row of a table; here each is driven through an
// in-memory backend and input/output buffers.
class TestCommandLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { installTranslations(*QCoreApplication::instance()); }
    void helpAndVersion_needNoAccounts();
    void badCommandLines_exit2WithOneLine_data();
    void badCommandLines_exit2WithOneLine();
    void add_readsTheSecretFromStdin_andPointsAtTheOption();
    void edit_changesOnlyWhatIsGiven();
    void list_jsonHasTheStatusKeys();
    void status_unknownAccount_exit2();
    void refresh_all_exitsWithTheWorstFailure();
    void token_printsTheTokenAndNothingElse();
    void failures_mapToExitCodes_data();
    void failures_mapToExitCodes();
    void disconnect_printsWhatHappenedAtTheProvider();
    void access_listsAndDecides();
    void token_sasl_initialResponses();
    void credential_get_answersGitWithTheToken_andErasRefreshes();

private:
    struct Result
    {
        int code = -1;
        QString out;
        QString err;
    };
    Result run(const QStringList &arguments, const std::optional<QByteArray> &input = {});

    FakeBackend m_backend;
    test::ManualClock m_clock;
};

TestCommandLine::Result TestCommandLine::run(const QStringList &arguments,
                                             const std::optional<QByteArray> &input)
{
    BufferIo io(input);
    CommandLine command(m_backend, nullptr, io, m_clock);
    QSignalSpy finished(&command, &CommandLine::commandFinished);
    command.start(QStringList{QStringLiteral("tether")} + arguments);
    if (!finished.wait(5000))
        return {};
    return {finished.constFirst().constFirst().toInt(), QString::fromUtf8(io.out),
            QString::fromUtf8(io.err)};
}

void TestCommandLine::helpAndVersion_needNoAccounts()
{
    QVERIFY(CommandLine::needsNoAccounts({QStringLiteral("tether"), QStringLiteral("--help")}));
    QVERIFY(CommandLine::needsNoAccounts(
            {QStringLiteral("tether"), QStringLiteral("token"), QStringLiteral("--help")}));
    QVERIFY(!CommandLine::needsNoAccounts({QStringLiteral("tether"), QStringLiteral("list")}));
    QCOMPARE(CommandLine::commandOf({QStringLiteral("tether"), QStringLiteral("--hidden")}),
             QString());
    QCOMPARE(CommandLine::commandOf({QStringLiteral("tether"), QStringLiteral("edit")}),
             QStringLiteral("edit"));
    const Result help = run({QStringLiteral("--help")});
    QCOMPARE(help.code, 0);
    for (const char *command : {"service", "providers", "add", "edit", "list", "status", "import",
                                "connect", "refresh", "token", "disconnect", "remove"})
        QVERIFY2(help.out.contains(QStringLiteral("  ") + QLatin1String(command)), command);
    QVERIFY(help.out.contains(QStringLiteral("Exit codes")));
    const Result commandHelp = run({QStringLiteral("connect"), QStringLiteral("--help")});
    QVERIFY(commandHelp.out.contains(QStringLiteral("--device")));
    QVERIFY(m_backend.calls.isEmpty());
}

void TestCommandLine::badCommandLines_exit2WithOneLine_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("says");
    QTest::newRow("unknown command")
            << QStringList{QStringLiteral("frobnicate")} << "unknown command";
    QTest::newRow("unknown option")
            << QStringList{QStringLiteral("list"), QStringLiteral("--bogus")} << "bogus";
    QTest::newRow("missing id") << QStringList{QStringLiteral("token")} << "usage: tether token ID";
    QTest::newRow("two ids") << QStringList{QStringLiteral("status"), QStringLiteral("a"),
                                            QStringLiteral("b")}
                             << "usage: tether status ID";
    QTest::newRow("no provider") << QStringList{QStringLiteral("add"), QStringLiteral("x")}
                                 << "--provider is required";
    QTest::newRow("client auth") << QStringList{QStringLiteral("add"),
                                                QStringLiteral("x"),
                                                QStringLiteral("--provider"),
                                                QStringLiteral("wise"),
                                                QStringLiteral("--client-auth"),
                                                QStringLiteral("magic")}
                                 << "--client-auth must be";
    QTest::newRow("edit without changes")
            << QStringList{QStringLiteral("edit"), QStringLiteral("x")} << "nothing to change";
    QTest::newRow("both ways of connecting")
            << QStringList{QStringLiteral("connect"), QStringLiteral("x"),
                           QStringLiteral("--device"), QStringLiteral("--no-browser")}
            << "not both";
    QTest::newRow("access without program")
            << QStringList{QStringLiteral("access"), QStringLiteral("allow"), QStringLiteral("a")}
            << "usage: tether access";
    QTest::newRow("access, unknown verb")
            << QStringList{QStringLiteral("access"), QStringLiteral("grant"), QStringLiteral("a"),
                           QStringLiteral("/bin/x")}
            << "list, allow, deny or forget";
    QTest::newRow("access, not a program")
            << QStringList{QStringLiteral("access"), QStringLiteral("allow"), QStringLiteral("a"),
                           QStringLiteral("no-such-program-anywhere")}
            << "names no program";
}

void TestCommandLine::badCommandLines_exit2WithOneLine()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, says);
    const Result result = run(arguments);
    QCOMPARE(result.code, 2);
    QCOMPARE(result.err.count(QLatin1Char('\n')), 1);
    QVERIFY2(result.err.startsWith(QStringLiteral("tether: ")), qPrintable(result.err));
    QVERIFY2(result.err.contains(says), qPrintable(result.err));
    QVERIFY(result.out.isEmpty());
}

void TestCommandLine::add_readsTheSecretFromStdin_andPointsAtTheOption()
{
    const Result missing = run({QStringLiteral("add"), QStringLiteral("bank"),
                                QStringLiteral("--provider"), QStringLiteral("wise")});
    QCOMPARE(missing.code, 2);
    QVERIFY(missing.err.contains(QStringLiteral("client id is required")));
    QVERIFY(missing.err.contains(QStringLiteral("(--client-id)"))); // the option, for this UI
    QVERIFY(!m_backend.added);

    const Result added =
            run({QStringLiteral("add"), QStringLiteral("bank"), QStringLiteral("--provider"),
                 QStringLiteral("wise"), QStringLiteral("--client-id"), QStringLiteral("c"),
                 QStringLiteral("--client-secret-stdin")},
                QByteArray("s3cret\n"));
    QCOMPARE(added.code, 0);
    QCOMPARE(m_backend.addedSecret, std::optional(QStringLiteral("s3cret")));
    QCOMPARE(m_backend.added->id, QStringLiteral("bank"));
    QVERIFY(added.out.contains(QStringLiteral("tether connect bank")));
    QVERIFY(!added.out.contains(QStringLiteral("s3cret")));
}

void TestCommandLine::edit_changesOnlyWhatIsGiven()
{
    const Result result =
            run({QStringLiteral("edit"), QStringLiteral("bank"), QStringLiteral("--scope"),
                 QStringLiteral("  a   b "), QStringLiteral("--client-auth"),
                 QStringLiteral("profile"), QStringLiteral("--client-secret-stdin")},
                QByteArray("new\n"));
    QCOMPARE(result.code, 0);
    QCOMPARE(m_backend.edited->scope, std::optional(QStringLiteral("a b")));
    QCOMPARE(m_backend.edited->clientSecret, std::optional(QStringLiteral("new")));
    QVERIFY(m_backend.edited->clientAuth && !m_backend.edited->clientAuth->has_value());
    QVERIFY(!m_backend.edited->name && !m_backend.edited->tokenEndpoint);
}

void TestCommandLine::list_jsonHasTheStatusKeys()
{
    m_backend.accounts = {account(QStringLiteral("a"), AccountState::Connected),
                          account(QStringLiteral("b"), AccountState::NeedsReconnect)};
    const Result result = run({QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(result.code, 0);
    const QJsonArray array = QJsonDocument::fromJson(result.out.toUtf8()).array();
    QCOMPARE(array.size(), 2);
    QCOMPARE(array.at(1).toObject().value(QStringLiteral("state")).toString(),
             QStringLiteral("needs_reconnect"));
    for (const char *key :
         {"id", "name", "provider", "state", "access_expires_at", "refresh_expires_at",
          "last_refresh_at", "next_refresh_at", "last_error"})
        QVERIFY2(array.at(0).toObject().contains(QLatin1String(key)), key);
    const Result table = run({QStringLiteral("list")});
    QVERIFY(table.out.contains(QStringLiteral("needs_reconnect")));
}

void TestCommandLine::status_unknownAccount_exit2()
{
    const Result result = run({QStringLiteral("status"), QStringLiteral("ghost")});
    QCOMPARE(result.code, 2);
    QVERIFY(result.err.contains(QStringLiteral("no account \"ghost\"")));
}

void TestCommandLine::refresh_all_exitsWithTheWorstFailure()
{
    Account a = account(QStringLiteral("a"), AccountState::Connected);
    Account b = account(QStringLiteral("b"), AccountState::Connected);
    Account c = account(QStringLiteral("c"), AccountState::NotConnected); // no tokens: skipped
    a.status.hasTokens = b.status.hasTokens = true;
    m_backend.accounts = {a, b, c};
    m_backend.refreshes.insert(QStringLiteral("a"), {std::nullopt, true, {}, {}, {}});
    m_backend.refreshes.insert(
            QStringLiteral("b"),
            {Failure::temporary(QStringLiteral("server_error"), QStringLiteral("503")),
             false,
             {},
             {},
             {}});
    const Result result = run({QStringLiteral("refresh"), QStringLiteral("--all")});
    QCOMPARE(result.code, 4);
    QVERIFY(m_backend.calls.contains(QStringLiteral("refresh a")));
    QVERIFY(m_backend.calls.contains(QStringLiteral("refresh b")));
    QVERIFY(!m_backend.calls.contains(QStringLiteral("refresh c")));
    QVERIFY(result.out.contains(QStringLiteral("a: refreshed")));
}

void TestCommandLine::token_printsTheTokenAndNothingElse()
{
    m_backend.tokenReply = {std::nullopt, QStringLiteral("the-token"), {}, {}};
    const Result result = run({QStringLiteral("token"), QStringLiteral("a")});
    QCOMPARE(result.code, 0);
    QCOMPARE(result.out, QStringLiteral("the-token\n"));
    QVERIFY(result.err.isEmpty());
}

void TestCommandLine::failures_mapToExitCodes_data()
{
    QTest::addColumn<Failure>("failure");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("hint");
    QTest::newRow("reconnect") << Failure::reconnect(QStringLiteral("invalid_grant"),
                                                     QStringLiteral("reconnect the account"))
                               << 3 << "";
    QTest::newRow("temporary") << Failure::temporary(QStringLiteral("timeout"),
                                                     QStringLiteral("late"))
                               << 4 << "";
    QTest::newRow("keychain") << Failure::keychain(QStringLiteral("keychain_locked"),
                                                   QStringLiteral("locked"))
                              << 5 << "";
    QTest::newRow("client, pointing at the edit that fixes it")
            << Failure::configuration(QStringLiteral("invalid_client"), QStringLiteral("refused"))
                       .withField(QStringLiteral("client-auth"))
            << 2 << "`tether edit a --client-auth`";
    QTest::newRow("unexpected") << Failure::unexpected(QStringLiteral("odd")) << 1 << "";
    QTest::newRow("access denied")
            << Failure::accessDenied(QStringLiteral("not allowed to take the token")) << 6 << "";
}

void TestCommandLine::failures_mapToExitCodes()
{
    QFETCH(Failure, failure);
    QFETCH(QString, hint);
    m_backend.tokenReply = {failure, {}, {}, {}};
    const Result result = run({QStringLiteral("token"), QStringLiteral("a")});
    QTEST(result.code, "code");
    QCOMPARE(result.err.count(QLatin1Char('\n')), 1);
    QVERIFY(result.err.contains(failure.message));
    QVERIFY2(result.err.contains(hint), qPrintable(result.err));
    QVERIFY(result.out.isEmpty());
}

void TestCommandLine::disconnect_printsWhatHappenedAtTheProvider()
{
    m_backend.outcome = Outcome::done(QStringLiteral("disconnected a; Wise offers no revocation"),
                                      {QStringLiteral("a note")});
    const Result result = run({QStringLiteral("disconnect"), QStringLiteral("a")});
    QCOMPARE(result.code, 0);
    QVERIFY(result.out.contains(QStringLiteral("offers no revocation")));
    QCOMPARE(result.err, QStringLiteral("tether: warning: a note\n"));
}

void TestCommandLine::access_listsAndDecides()
{
    const Result none =
            run({QStringLiteral("access"), QStringLiteral("list"), QStringLiteral("a")});
    QCOMPARE(none.code, 0);
    QVERIFY2(none.out.contains(QStringLiteral("asked first")), qPrintable(none.out));
    AccessDecision d;
    d.account = QStringLiteral("a");
    d.program = QStringLiteral("/usr/bin/msmtp");
    d.reason = AccessDecision::kAddedAccount;
    m_backend.decisions = {d};
    const Result listed = run({QStringLiteral("access"), QStringLiteral("list"),
                               QStringLiteral("a"), QStringLiteral("--json")});
    QCOMPARE(listed.code, 0);
    const QJsonArray array = QJsonDocument::fromJson(listed.out.toUtf8()).array();
    QCOMPARE(array.size(), 1);
    QCOMPARE(array.first()[QStringLiteral("program")].toString(), d.program);
    QCOMPARE(array.first()[QStringLiteral("decision")].toString(), QStringLiteral("allow"));
    QVERIFY(array.first()[QStringLiteral("last_used_at")].isNull());
    // A bare name is looked up on PATH and named as /proc names it (no symbolic links).
    const QString sh =
            QFileInfo(QStandardPaths::findExecutable(QStringLiteral("sh"))).canonicalFilePath();
    m_backend.calls.clear();
    QCOMPARE(run({QStringLiteral("access"), QStringLiteral("deny"), QStringLiteral("a"),
                  QStringLiteral("sh")})
                     .code,
             0);
    QCOMPARE(run({QStringLiteral("access"), QStringLiteral("forget"), QStringLiteral("a"),
                  QStringLiteral("org.example.App")})
                     .code,
             0);
    QCOMPARE(m_backend.calls, QStringList({QStringLiteral("access deny a ") + sh,
                                           QStringLiteral("access forget a org.example.App")}));
}

void TestCommandLine::token_sasl_initialResponses()
{
    m_backend.tokenReply = {std::nullopt, QStringLiteral("ya29.tok"), {}, {}};
    const Result xoauth2 = run({QStringLiteral("token"), QStringLiteral("a"),
                                QStringLiteral("--sasl"), QStringLiteral("xoauth2"),
                                QStringLiteral("--user"), QStringLiteral("me@example.com")});
    QCOMPARE(xoauth2.code, 0);
    QCOMPARE(QByteArray::fromBase64(xoauth2.out.trimmed().toUtf8()),
             QByteArray("user=me@example.com\x01"
                        "auth=Bearer ya29.tok\x01\x01"));
    // RFC 7628 §3.1 with RFC 5801's escapes in the GS2 header.
    const Result bearer = run({QStringLiteral("token"), QStringLiteral("a"),
                               QStringLiteral("--sasl"), QStringLiteral("oauthbearer"),
                               QStringLiteral("--user"), QStringLiteral("a,b=c@example.com")});
    QCOMPARE(bearer.code, 0);
    QCOMPARE(QByteArray::fromBase64(bearer.out.trimmed().toUtf8()),
             QByteArray("n,a=a=2Cb=3Dc@example.com,\x01"
                        "auth=Bearer ya29.tok\x01\x01"));
    for (const QStringList &bad : {QStringList{QStringLiteral("--sasl"), QStringLiteral("plain"),
                                               QStringLiteral("--user"), QStringLiteral("x")},
                                   QStringList{QStringLiteral("--sasl"), QStringLiteral("xoauth2")},
                                   QStringList{QStringLiteral("--user"), QStringLiteral("x")}}) {
        const Result refused = run(QStringList{QStringLiteral("token"), QStringLiteral("a")} + bad);
        QCOMPARE(refused.code, 2);
        QVERIFY(refused.out.isEmpty()); // no token without a usable request
    }
}

void TestCommandLine::credential_get_answersGitWithTheToken_andErasRefreshes()
{
    m_backend.tokenReply = {std::nullopt,
                            QStringLiteral("the-token"),
                            QDateTime::fromSecsSinceEpoch(2'000'000'000, QTimeZone::utc()),
                            {}};
    const Result got =
            run({QStringLiteral("credential"), QStringLiteral("get"), QStringLiteral("--account"),
                 QStringLiteral("a")},
                QByteArrayLiteral("protocol=https\nhost=git.example.com\npath=team/repo.git\n\n"));
    QCOMPARE(got.code, 0);
    QCOMPARE(got.out, QStringLiteral("username=oauth2\npassword=the-token\n"
                                     "password_expiry_utc=2000000000\n"));
    const Result named = run({QStringLiteral("credential"), QStringLiteral("get"),
                              QStringLiteral("--account"), QStringLiteral("a"),
                              QStringLiteral("--username"), QStringLiteral("x-access-token")},
                             QByteArrayLiteral("protocol=https\nhost=git.example.com\n\n"));
    QVERIFY(named.out.startsWith(QStringLiteral("username=x-access-token\n")));
    // erase: refreshed, never removed; nothing on standard output.
    m_backend.calls.clear();
    const Result erased =
            run({QStringLiteral("credential"), QStringLiteral("erase"), QStringLiteral("--account"),
                 QStringLiteral("a")},
                QByteArrayLiteral("protocol=https\nhost=git.example.com\npassword=the-token\n\n"));
    QCOMPARE(erased.code, 0);
    QVERIFY(erased.out.isEmpty());
    QCOMPARE(m_backend.calls, QStringList{QStringLiteral("refresh a")});
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
