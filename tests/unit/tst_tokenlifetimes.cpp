#include "accounts/tokenlifetimes.h"
#include "providers/providercatalog.h"
#include "support/manualclock.h"
#include "support/printers.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

using namespace tether;
using namespace tether::lifetimes;

namespace {

ProviderProfile profile(const QString &id)
{
    return *ProviderCatalog::fromDirectories({QStringLiteral(":/providers")}).find(id);
}

QString jwtWithExp(qint64 exp)
{
    auto part = [](const QByteArray &json) {
        return QString::fromLatin1(
                json.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    };
    return part(R"({"alg":"HS256"})") + QLatin1Char('.')
           + part(R"({"exp":)" + QByteArray::number(exp) + "}") + QStringLiteral(".sig");
}

TokenResponse answer(const QString &refresh, std::optional<qint64> expiresIn)
{
    TokenResponse r;
    r.accessToken = QStringLiteral("access");
    r.refreshToken = refresh;
    r.expiresIn = expiresIn;
    return r;
}

} // namespace

class TestTokenLifetimes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jwtExpiry_readsTheExpClaim();
    void refreshExpiry_followsTheProfileModel_data();
    void refreshExpiry_followsTheProfileModel();
    void missingExpiresIn_usesTheProfileDefault();
    void refreshWithoutNewToken_keepsTheOldOne();
    void singleUseWithoutSuccessor_isSpent();
    void rollingLifetime_restartsAtEachRefresh();
    void knownExpiredRefreshToken_isDetected();
    void safetyMargin_isSmallerOfMinuteAndQuarter_data();
    void safetyMargin_isSmallerOfMinuteAndQuarter();
};

void TestTokenLifetimes::jwtExpiry_readsTheExpClaim()
{
    QCOMPARE(jwtExpiry(jwtWithExp(1568709694)),
             QDateTime::fromSecsSinceEpoch(1568709694, QTimeZone::utc()));
    QCOMPARE(jwtExpiry(QStringLiteral("opaque-token")), std::nullopt);
    QCOMPARE(jwtExpiry(QStringLiteral("a.b.c")), std::nullopt);
    QCOMPARE(jwtExpiry(QStringLiteral("a.!!!.c")), std::nullopt);
    QCOMPARE(jwtExpiry(jwtWithExp(-1)), std::nullopt);
}

void TestTokenLifetimes::refreshExpiry_followsTheProfileModel_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("refreshToken");
    QTest::addColumn<qint64>("secondsFromNow"); // -1: unknown

    const test::ManualClock clock;
    const qint64 now = clock.nowUtc().toSecsSinceEpoch();
    QTest::newRow("aiia: the JWT's exp")
            << "aiia" << jwtWithExp(now + 5 * 86400) << qint64(5 * 86400);
    QTest::newRow("aiia: opaque, 14 days") << "aiia"
                                           << "opaque" << qint64(14 * 86400);
    QTest::newRow("wise: 20 years") << "wise"
                                    << "r" << qint64(631152000);
    QTest::newRow("pagero: rolling 3 years") << "pagero"
                                             << "r" << qint64(94608000);
    QTest::newRow("auth0: unknown") << "auth0"
                                    << "r" << qint64(-1);
    QTest::newRow("edgetag: unknown") << "edgetag"
                                      << "r" << qint64(-1);
}

void TestTokenLifetimes::refreshExpiry_followsTheProfileModel()
{
    QFETCH(QString, provider);
    QFETCH(QString, refreshToken);
    QFETCH(qint64, secondsFromNow);
    const test::ManualClock clock;
    const TokenSet set =
            fromResponse(profile(provider), answer(refreshToken, 3600), clock.nowUtc());
    if (secondsFromNow < 0)
        QVERIFY(!set.refreshExpiresAt.isValid());
    else
        QCOMPARE(set.refreshExpiresAt, clock.nowUtc().addSecs(secondsFromNow));
}

void TestTokenLifetimes::missingExpiresIn_usesTheProfileDefault()
{
    const test::ManualClock clock;
    const TokenSet set = fromResponse(profile(QStringLiteral("edgetag")), answer({}, std::nullopt),
                                      clock.nowUtc());
    QCOMPARE(set.accessExpiresAt, clock.nowUtc().addSecs(7200));
    QCOMPARE(set.accessIssuedAt, clock.nowUtc());
}

void TestTokenLifetimes::refreshWithoutNewToken_keepsTheOldOne()
{
    test::ManualClock clock;
    const ProviderProfile auth0 = profile(QStringLiteral("auth0"));
    TokenSet old = fromResponse(auth0, answer(QStringLiteral("rt-old"), 86400), clock.nowUtc());
    old.scope = QStringLiteral("openid offline_access");
    clock.advance(3600);
    QStringList notes;
    const TokenSet next = afterRefresh(auth0, old, answer({}, 86400), clock.nowUtc(), &notes);
    QCOMPARE(next.refreshToken, QStringLiteral("rt-old"));
    QCOMPARE(next.refreshIssuedAt, old.refreshIssuedAt);
    QCOMPARE(next.scope, old.scope);
    QCOMPARE(next.accessExpiresAt, clock.nowUtc().addSecs(86400));
    QVERIFY(notes.isEmpty());
}

void TestTokenLifetimes::singleUseWithoutSuccessor_isSpent()
{
    test::ManualClock clock;
    const ProviderProfile pagero = profile(QStringLiteral("pagero"));
    const TokenSet old = fromResponse(pagero, answer(QStringLiteral("rt-1"), 600), clock.nowUtc());
    QStringList notes;
    const TokenSet next = afterRefresh(pagero, old, answer({}, 600), clock.nowUtc(), &notes);
    QVERIFY(next.refreshToken.isEmpty());
    QVERIFY(!next.refreshExpiresAt.isValid());
    QCOMPARE(next.accessToken, QStringLiteral("access"));
    QCOMPARE(notes.size(), 1);
}

void TestTokenLifetimes::rollingLifetime_restartsAtEachRefresh()
{
    test::ManualClock clock;
    const ProviderProfile pagero = profile(QStringLiteral("pagero"));
    const TokenSet first =
            fromResponse(pagero, answer(QStringLiteral("rt-1"), 600), clock.nowUtc());
    clock.advance(100 * 86400);
    QStringList notes;
    const TokenSet second = afterRefresh(pagero, first, answer(QStringLiteral("rt-2"), 600),
                                         clock.nowUtc(), &notes);
    QCOMPARE(second.refreshExpiresAt, clock.nowUtc().addSecs(94608000));
    QCOMPARE(second.refreshIssuedAt, clock.nowUtc());
}

void TestTokenLifetimes::knownExpiredRefreshToken_isDetected()
{
    test::ManualClock clock;
    const TokenSet set = fromResponse(profile(QStringLiteral("aiia")),
                                      answer(QStringLiteral("opaque"), 3600), clock.nowUtc());
    clock.advance(14 * 86400 - 1);
    QVERIFY(!refreshTokenExpired(set, clock.nowUtc()));
    clock.advance(1);
    QVERIFY(refreshTokenExpired(set, clock.nowUtc()));
    QVERIFY(!refreshTokenExpired(fromResponse(profile(QStringLiteral("auth0")),
                                              answer(QStringLiteral("r"), 60), clock.nowUtc()),
                                 clock.nowUtc().addYears(50)));
}

void TestTokenLifetimes::safetyMargin_isSmallerOfMinuteAndQuarter_data()
{
    QTest::addColumn<qint64>("lifetime");
    QTest::addColumn<qint64>("margin");
    QTest::newRow("30 s") << qint64(30) << qint64(7);
    QTest::newRow("2 min") << qint64(120) << qint64(30);
    QTest::newRow("10 min") << qint64(600) << qint64(60);
    QTest::newRow("1 h") << qint64(3600) << qint64(60);
}

void TestTokenLifetimes::safetyMargin_isSmallerOfMinuteAndQuarter()
{
    QFETCH(qint64, lifetime);
    test::ManualClock clock;
    const TokenSet set = fromResponse(profile(QStringLiteral("wise")),
                                      answer(QStringLiteral("r"), lifetime), clock.nowUtc());
    QTEST(tokenSafetyMargin(set), "margin");
    const qint64 margin = tokenSafetyMargin(set);
    clock.advance(lifetime - margin - 1);
    QVERIFY(accessTokenUsable(set, clock.nowUtc(), margin));
    clock.advance(1);
    QVERIFY(!accessTokenUsable(set, clock.nowUtc(), margin));
}

QTEST_GUILESS_MAIN(TestTokenLifetimes)
#include "tst_tokenlifetimes.moc"
