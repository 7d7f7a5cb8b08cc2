#include "accounts/accountregistry.h"
#include "support/printers.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace tether;

namespace {

Account account(const QString &id)
{
    Account a;
    a.config.id = id;
    a.config.name = id;
    a.config.provider = QStringLiteral("wise");
    a.config.clientId = QStringLiteral("client");
    return a;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &content)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(content);
}

} // namespace

class TestAccountRegistry : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void missingFile_isAnEmptyRegistry();
    void accounts_roundTripWithStatus();
    void twoWriters_neverLoseEachOthersChange();
    void changeBehindItsBack_isSeenEvenAtTheSameSize();
    void instants_readInEveryIsoForm_data();
    void accountIds_haveOneShape_data();
    void accountIds_haveOneShape();
    void instants_readInEveryIsoForm();
    void unreadableFile_isKeptAsideAndNeverOverwritten_data();
    void unreadableFile_isKeptAsideAndNeverOverwritten();
    void newerSchema_isRefusedUntouched();
    void failedChange_writesNothing();
    void file_isPrivateToTheUser();
};

void TestAccountRegistry::missingFile_isAnEmptyRegistry()
{
    QTemporaryDir dir;
    AccountRegistry registry(dir.filePath(QStringLiteral("accounts.json")));
    QList<Account> accounts{account(QStringLiteral("stale"))};
    QCOMPARE(registry.load(&accounts), std::nullopt);
    QVERIFY(accounts.isEmpty());
}

void TestAccountRegistry::accounts_roundTripWithStatus()
{
    QTemporaryDir dir;
    AccountRegistry registry(dir.filePath(QStringLiteral("sub/accounts.json")));
    Account a = account(QStringLiteral("a@example.com"));
    a.config.clientAuth = ClientAuth::Post;
    a.config.allowInsecureHttp = true;
    a.config.scope = QStringLiteral("openid offline_access");
    a.status.state = AccountState::Retrying;
    a.status.accessExpiresAt = QDateTime(QDate(2026, 5, 1), QTime(10, 0), QTimeZone::utc());
    a.status.lastError =
            Failure::temporary(QStringLiteral("rate_limited"), QStringLiteral("slow down"), 429);
    a.status.generation = 7;
    a.status.inFlightGeneration = 7;
    QCOMPARE(registry.modify([&](QList<Account> &list) -> std::optional<Failure> {
        list.append(a);
        return std::nullopt;
    }),
             std::nullopt);

    QList<Account> loaded;
    // A registry of its own, as another process: this one remembers what it wrote.
    QCOMPARE(AccountRegistry(registry.path()).load(&loaded), std::nullopt);
    QCOMPARE(loaded.size(), 1);
    const Account &b = loaded.constFirst();
    QCOMPARE(b.config.id, a.config.id);
    QCOMPARE(b.config.clientAuth, std::optional<ClientAuth>(ClientAuth::Post));
    QCOMPARE(b.config.allowInsecureHttp, true);
    QCOMPARE(b.config.scope, a.config.scope);
    QCOMPARE(b.status.state, AccountState::Retrying);
    QCOMPARE(b.status.accessExpiresAt, a.status.accessExpiresAt);
    QCOMPARE(b.status.lastError->code, QStringLiteral("rate_limited"));
    QCOMPARE(b.status.lastError->kind, FailureKind::Temporary);
    QCOMPARE(b.status.generation, 7);
    QCOMPARE(b.status.inFlightGeneration, 7);
}

void TestAccountRegistry::twoWriters_neverLoseEachOthersChange()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("accounts.json"));
    AccountRegistry first(path);
    AccountRegistry second(path); // as another process would
    for (int i = 0; i < 20; ++i) {
        AccountRegistry &r = i % 2 ? first : second;
        QCOMPARE(r.modify([i](QList<Account> &list) -> std::optional<Failure> {
            list.append(account(QStringLiteral("acct-%1").arg(i)));
            return std::nullopt;
        }),
                 std::nullopt);
    }
    QList<Account> loaded;
    QCOMPARE(first.load(&loaded), std::nullopt);
    QCOMPARE(loaded.size(), 20);
}

void TestAccountRegistry::changeBehindItsBack_isSeenEvenAtTheSameSize()
{
    // The registry keeps what it parsed last; an edit in place (same size, maybe the same
    // timestamp) or a corruption must still be seen, not the remembered accounts.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("accounts.json"));
    AccountRegistry registry(path);
    QCOMPARE(registry.modify([](QList<Account> &list) -> std::optional<Failure> {
        list.append(account(QStringLiteral("alpha")));
        return std::nullopt;
    }),
             std::nullopt);
    QList<Account> loaded;
    QCOMPARE(registry.load(&loaded), std::nullopt);

    QByteArray content = readAll(path);
    content.replace("\"name\":\"alpha\"", "\"name\":\"omega\"");
    writeAll(path, content);
    QCOMPARE(registry.load(&loaded), std::nullopt);
    QCOMPARE(loaded.value(0).config.name, QStringLiteral("omega"));

    content.replace("\"schema\"", "\"schem@\"");
    writeAll(path, content);
    QVERIFY(registry.load(&loaded).has_value());
}

void TestAccountRegistry::accountIds_haveOneShape_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("valid");
    QTest::newRow("letter") << "a" << true;
    QTest::newRow("digit first") << "7eleven" << true;
    QTest::newRow("mail address") << "Me.Work_1@example-bank.com" << true;
    QTest::newRow("64 characters") << QString(64, u'x') << true;
    QTest::newRow("65 characters") << QString(65, u'x') << false;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("punctuation first") << "-a" << false;
    QTest::newRow("dot first") << ".hidden" << false;
    QTest::newRow("space") << "a b" << false;
    QTest::newRow("slash") << "a/b" << false;
    QTest::newRow("non-ASCII letter") << QStringLiteral("caf\u00e9") << false;
    QTest::newRow("fullwidth digit") << QStringLiteral("a\uff11") << false;
}

void TestAccountRegistry::accountIds_haveOneShape()
{
    QFETCH(QString, id);
    QFETCH(bool, valid);
    QCOMPARE(isValidAccountId(id), valid);
}

void TestAccountRegistry::instants_readInEveryIsoForm_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("expected");
    const QDateTime noon(QDate(2026, 1, 1), QTime(12, 0), QTimeZone::utc());
    QTest::newRow("as written") << "2026-01-01T12:00:00Z" << noon;
    QTest::newRow("with an offset") << "2026-01-01T14:00:00+02:00" << noon;
    QTest::newRow("with milliseconds") << "2026-01-01T12:00:00.250Z" << noon.addMSecs(250);
    QTest::newRow("no such day") << "2026-02-30T12:00:00Z" << QDateTime();
    QTest::newRow("not a date") << "2026-01-01T1x:00:00Z" << QDateTime();
}

void TestAccountRegistry::instants_readInEveryIsoForm()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, expected);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("accounts.json"));
    writeAll(path, QStringLiteral(R"({"schema":1,"accounts":[{"id":"a","name":"a","provider":"wise",
        "client_id":"c","status":{"state":"connected","access_expires_at":"%1"}}]})")
                           .arg(text)
                           .toUtf8());
    QList<Account> loaded;
    QCOMPARE(AccountRegistry(path).load(&loaded), std::nullopt);
    QCOMPARE(loaded.value(0).status.accessExpiresAt, expected);
    if (expected.isValid())
        QCOMPARE(loaded.value(0).status.accessExpiresAt.timeSpec(), Qt::UTC);
}

void TestAccountRegistry::unreadableFile_isKeptAsideAndNeverOverwritten_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("truncated") << QByteArray(R"({"schema":1,"accounts":[{"id":"a","prov)");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("not an object") << QByteArray("[]");
    QTest::newRow("no schema") << QByteArray(R"({"accounts":[]})");
    QTest::newRow("bad account") << QByteArray(
            R"({"schema":1,"accounts":[{"id":"../x","provider":"wise"}]})");
    QTest::newRow("duplicate") << QByteArray(
            R"({"schema":1,"accounts":[{"id":"a","provider":"w","status":{"state":"connected"}},{"id":"a","provider":"w","status":{"state":"connected"}}]})");
    QTest::newRow("binary") << QByteArray("\x00\xff\xfe garbage", 12);
}

void TestAccountRegistry::unreadableFile_isKeptAsideAndNeverOverwritten()
{
    QFETCH(QByteArray, content);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("accounts.json"));
    writeAll(path, content);
    AccountRegistry registry(path);

    QList<Account> accounts;
    const auto failure = registry.load(&accounts);
    QVERIFY(failure);
    QCOMPARE(failure->code, QStringLiteral("registry_corrupt"));
    QVERIFY2(failure->message.contains(path), qPrintable(failure->message));

    const auto changed = registry.modify([](QList<Account> &list) -> std::optional<Failure> {
        list.append(account(QStringLiteral("new")));
        return std::nullopt;
    });
    QVERIFY(changed);
    QCOMPARE(readAll(path), content); // never overwritten
    const QStringList aside =
            QDir(dir.path()).entryList({QStringLiteral("accounts.json.unreadable-*")});
    QCOMPARE(aside.size(), 1);
    QCOMPARE(readAll(dir.filePath(aside.constFirst())), content);
}

void TestAccountRegistry::newerSchema_isRefusedUntouched()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("accounts.json"));
    const QByteArray content = R"({"schema":99,"accounts":[]})";
    writeAll(path, content);
    AccountRegistry registry(path);
    QList<Account> accounts;
    const auto failure = registry.load(&accounts);
    QVERIFY(failure);
    QCOMPARE(failure->code, QStringLiteral("registry_too_new"));
    QVERIFY(registry.modify([](QList<Account> &) { return std::optional<Failure>(); }));
    QCOMPARE(readAll(path), content);
}

void TestAccountRegistry::failedChange_writesNothing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("accounts.json"));
    AccountRegistry registry(path);
    QVERIFY(!registry.modify([](QList<Account> &list) -> std::optional<Failure> {
        list.append(account(QStringLiteral("a")));
        return std::nullopt;
    }));
    const QByteArray before = readAll(path);
    QVERIFY(registry.modifyAccount(QStringLiteral("nope"), [](Account &) {}));
    QCOMPARE(registry.modifyAccount(QStringLiteral("nope"), [](Account &) {})->code,
             QStringLiteral("unknown_account"));
    QCOMPARE(readAll(path), before);
}

void TestAccountRegistry::file_isPrivateToTheUser()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("accounts.json"));
    AccountRegistry registry(path);
    QVERIFY(!registry.modify([](QList<Account> &list) -> std::optional<Failure> {
        list.append(account(QStringLiteral("a")));
        return std::nullopt;
    }));
    QCOMPARE(
            QFile::permissions(path)
                    & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
            QFile::Permissions());
}

QTEST_GUILESS_MAIN(TestAccountRegistry)
#include "tst_accountregistry.moc"
