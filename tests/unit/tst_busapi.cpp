#include "backend/busapi.h"
#include "support/printers.h"

#include <QDBusArgument>
#include <QTest>
#include <QTimeZone>

using namespace tether;

// What travels over io.github.tether.Tether1: accounts, settings, changes, progress, outcomes,
// history and errors survive the trip both ways.
class TestBusApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void status_hasTheKeysOfStatusJson();
    void account_survivesTheTrip();
    void edit_carriesOnlyWhatChanges();
    void progressAndOutcome_surviveTheTrip();
    void errors_mapEveryKindAndBack_data();
    void errors_mapEveryKindAndBack();
};

namespace {

Account sample()
{
    Account a;
    a.config.id = QStringLiteral("bank");
    a.config.name = QStringLiteral("My bank");
    a.config.provider = QStringLiteral("aiia");
    a.config.clientId = QStringLiteral("c");
    a.config.tokenEndpoint = QStringLiteral("https://x.example/token");
    a.config.clientAuth = ClientAuth::Post;
    a.config.allowInsecureHttp = true;
    const QDateTime t(QDate(2026, 5, 1), QTime(10, 0), QTimeZone::utc());
    a.status.state = AccountState::NeedsReconnect;
    a.status.accessIssuedAt = t;
    a.status.accessExpiresAt = t.addSecs(3600);
    a.status.refreshExpiresAt = t.addDays(14);
    a.status.lastRefreshAt = t;
    a.status.hasTokens = a.status.hasRefreshToken = a.status.hasClientSecret = true;
    a.status.lastError =
            Failure::reconnect(QStringLiteral("invalid_grant"), QStringLiteral("gone"));
    return a;
}

} // namespace

void TestBusApi::status_hasTheKeysOfStatusJson()
{
    const QVariantMap map = bus::statusMap(sample());
    for (const char *key :
         {"id", "name", "provider", "state", "access_expires_at", "refresh_expires_at",
          "last_refresh_at", "next_refresh_at", "last_error"})
        QVERIFY2(map.contains(QLatin1String(key)), key);
    QCOMPARE(map.value(QStringLiteral("state")).toString(), QStringLiteral("needs_reconnect"));
    QCOMPARE(map.value(QStringLiteral("access_expires_at")).toString(),
             QStringLiteral("2026-05-01T11:00:00Z"));
    QCOMPARE(map.value(QStringLiteral("next_refresh_at")).toString(), QString()); // null as ""
    QVERIFY(!map.contains(QStringLiteral("client_id"))); // settings only in GetAccount
    Account healthy = sample();
    healthy.status.lastError.reset();
    QCOMPARE(bus::statusMap(healthy).value(QStringLiteral("last_error")).toString(), QString());
}

void TestBusApi::account_survivesTheTrip()
{
    const Account a = sample();
    const Account back = bus::accountFromMap(bus::accountMap(a));
    QCOMPARE(back.config, a.config);
    QCOMPARE(back.status.state, a.status.state);
    QCOMPARE(back.status.accessExpiresAt, a.status.accessExpiresAt);
    QCOMPARE(back.status.refreshExpiresAt, a.status.refreshExpiresAt);
    QCOMPARE(back.status.lastError->code, QStringLiteral("invalid_grant"));
    QCOMPARE(back.status.lastError->kind, FailureKind::Reconnect);
    QVERIFY(back.status.hasRefreshToken);
    QVERIFY(back.status.hasClientSecret);
}

void TestBusApi::edit_carriesOnlyWhatChanges()
{
    AccountEdit edit;
    edit.scope = QStringLiteral("a b");
    edit.clientAuth = std::optional<ClientAuth>(); // back to the profile's
    edit.allowInsecureHttp = false;
    const QVariantMap map = bus::editMap(edit);
    QCOMPARE(map.size(), 3);
    const AccountEdit back = bus::editFromMap(map);
    QCOMPARE(back.scope, edit.scope);
    QVERIFY(back.clientAuth.has_value() && !back.clientAuth->has_value());
    QCOMPARE(back.allowInsecureHttp, std::optional(false));
    QVERIFY(!back.name && !back.clientSecret && !back.tokenEndpoint);
}

void TestBusApi::progressAndOutcome_surviveTheTrip()
{
    SignInProgress p;
    p.url = QUrl(QStringLiteral("https://id.example/device"));
    p.notice = QStringLiteral("still waiting");
    DeviceCode code;
    code.userCode = QStringLiteral("WDJB-MJHT");
    code.verificationUri = p.url;
    code.verificationUriComplete = QUrl(QStringLiteral("https://id.example/device?c=WDJB-MJHT"));
    code.expiresAt = QDateTime(QDate(2026, 5, 1), QTime(10, 0), QTimeZone::utc());
    p.device = code;
    const SignInProgress back = bus::progressFromMap(bus::progressMap(p));
    QCOMPARE(back.url, p.url);
    QCOMPARE(back.notice, p.notice);
    QCOMPARE(back.device->userCode, code.userCode);
    QCOMPARE(back.device->verificationUriComplete, code.verificationUriComplete);
    QCOMPARE(back.device->expiresAt, code.expiresAt);

    const Outcome failed = Outcome::failed(
            Failure::configuration(QStringLiteral("invalid_client"), QStringLiteral("no"))
                    .withField(QStringLiteral("client-auth")),
            {QStringLiteral("a note")});
    const Outcome out = bus::outcomeFromMap(bus::outcomeMap(failed));
    QCOMPARE(out.failure->kind, FailureKind::Configuration);
    QCOMPARE(out.failure->code, QStringLiteral("invalid_client"));
    QCOMPARE(out.failure->field, QStringLiteral("client-auth"));
    QCOMPARE(out.notes, failed.notes);
    QVERIFY(bus::outcomeFromMap(bus::outcomeMap(Outcome::done(QStringLiteral("ok")))).ok());
}

void TestBusApi::errors_mapEveryKindAndBack_data()
{
    QTest::addColumn<Failure>("failure");
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("exitCode");
    const QString prefix = QStringLiteral("io.github.tether.Tether1.Error.");
    QTest::newRow("unknown account")
            << Failure::badInput(QStringLiteral("no"), QStringLiteral("unknown_account"))
            << QString(prefix + QStringLiteral("NotFound")) << 2;
    QTest::newRow("bad input") << Failure::badInput(QStringLiteral("no"))
                               << QString(prefix + QStringLiteral("Configuration")) << 2;
    QTest::newRow("reconnect") << Failure::reconnect(QStringLiteral("invalid_grant"), {})
                               << QString(prefix + QStringLiteral("NeedsReconnect")) << 3;
    QTest::newRow("temporary") << Failure::temporary(QStringLiteral("timeout"), {})
                               << QString(prefix + QStringLiteral("Temporary")) << 4;
    QTest::newRow("keychain") << Failure::keychain(QStringLiteral("keychain_locked"), {})
                              << QString(prefix + QStringLiteral("Keychain")) << 5;
    QTest::newRow("configuration") << Failure::configuration(QStringLiteral("invalid_client"), {})
                                   << QString(prefix + QStringLiteral("Configuration")) << 2;
    QTest::newRow("unexpected") << Failure::unexpected({}) << "org.freedesktop.DBus.Error.Failed"
                                << 1;
}

void TestBusApi::errors_mapEveryKindAndBack()
{
    QFETCH(Failure, failure);
    QFETCH(QString, name);
    QFETCH(int, exitCode);
    QCOMPARE(bus::errorName(failure), name);
    QCOMPARE(exitCodeFor(bus::failureFromError(name, QStringLiteral("m"))), exitCode);
    QVERIFY(bus::noService(QStringLiteral("org.freedesktop.DBus.Error.ServiceUnknown")));
    QCOMPARE(exitCodeFor(bus::failureFromError(QStringLiteral("org.freedesktop.DBus.Error.NoReply"),
                                               QStringLiteral("m"))),
             4);
}

QTEST_GUILESS_MAIN(TestBusApi)
#include "tst_busapi.moc"
