#include "oauth/discovery.h"
#include "oauth/httpclient.h"
#include "support/httpstub.h"
#include "support/printers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace tether;

namespace {

QJsonObject metadata(const QString &issuer)
{
    return QJsonObject{
            {QStringLiteral("issuer"), issuer},
            {QStringLiteral("authorization_endpoint"), QString(issuer + QStringLiteral("/auth"))},
            {QStringLiteral("token_endpoint"), QString(issuer + QStringLiteral("/token"))},
            {QStringLiteral("revocation_endpoint"),
             QString(issuer + QStringLiteral("/token/revocation"))},
            {QStringLiteral("code_challenge_methods_supported"),
             QJsonArray{QStringLiteral("S256")}},
            {QStringLiteral("token_endpoint_auth_methods_supported"),
             QJsonArray{QStringLiteral("client_secret_basic"), QStringLiteral("client_secret_post"),
                        QStringLiteral("none")}},
    };
}

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

class TestDiscovery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wellKnownUrls_followBothStandards();
    void validDocument_isRead();
    void badDocument_isRefused_data();
    void badDocument_isRefused();
    void clientAuth_isChosenFromWhatTheServerOffers_data();
    void clientAuth_isChosenFromWhatTheServerOffers();
    void fetch_fallsBackToOAuthMetadata();
};

void TestDiscovery::wellKnownUrls_followBothStandards()
{
    const auto urls = discoveryUrls(QUrl(QStringLiteral("https://id.example/tenant/")));
    QCOMPARE(urls.value(0).toString(),
             QStringLiteral("https://id.example/tenant/.well-known/openid-configuration"));
    QCOMPARE(urls.value(1).toString(),
             QStringLiteral("https://id.example/.well-known/oauth-authorization-server/tenant"));
}

void TestDiscovery::validDocument_isRead()
{
    QString error;
    const auto d = parseDiscovery(json(metadata(QStringLiteral("https://id.example"))),
                                  QStringLiteral("https://id.example/"), &error);
    QVERIFY2(d, qPrintable(error));
    QCOMPARE(d->tokenEndpoint.toString(), QStringLiteral("https://id.example/token"));
    QCOMPARE(d->revocationEndpoint.toString(),
             QStringLiteral("https://id.example/token/revocation"));
    QVERIFY(d->codeChallengeMethods.contains(QStringLiteral("S256")));
}

void TestDiscovery::badDocument_isRefused_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QString>("reason");
    const QString issuer = QStringLiteral("https://id.example");
    auto without = [&](const QString &key) {
        QJsonObject o = metadata(issuer);
        o.remove(key);
        return json(o);
    };
    auto with = [&](const QString &key, const QJsonValue &value) {
        QJsonObject o = metadata(issuer);
        o.insert(key, value);
        return json(o);
    };
    QTest::newRow("not json") << QByteArray("<html>") << "not a JSON object";
    QTest::newRow("other issuer") << with(QStringLiteral("issuer"),
                                          QStringLiteral("https://evil.example"))
                                  << "names the issuer";
    QTest::newRow("no token endpoint")
            << without(QStringLiteral("token_endpoint")) << "has no token_endpoint";
    QTest::newRow("http token endpoint")
            << with(QStringLiteral("token_endpoint"), QStringLiteral("http://id.example/token"))
            << "token_endpoint is not an acceptable URL";
    QTest::newRow("number endpoint") << with(QStringLiteral("authorization_endpoint"), 5)
                                     << "authorization_endpoint is not an acceptable URL";
    QTest::newRow("no pkce") << without(QStringLiteral("code_challenge_methods_supported"))
                             << "S256";
    QTest::newRow("plain pkce only") << with(QStringLiteral("code_challenge_methods_supported"),
                                             QJsonArray{QStringLiteral("plain")})
                                     << "S256";
}

void TestDiscovery::badDocument_isRefused()
{
    QFETCH(QByteArray, document);
    QFETCH(QString, reason);
    QString error;
    QVERIFY(!parseDiscovery(document, QStringLiteral("https://id.example"), &error));
    QVERIFY2(error.contains(reason), qPrintable(error));
}

void TestDiscovery::clientAuth_isChosenFromWhatTheServerOffers_data()
{
    QTest::addColumn<QStringList>("offered");
    QTest::addColumn<bool>("hasSecret");
    QTest::addColumn<std::optional<ClientAuth>>("requested");
    QTest::addColumn<ClientAuth>("chosen");
    QTest::addColumn<bool>("warns"); // the choice is one the document does not list
    const auto none = std::optional<ClientAuth>();
    const QString basic = QStringLiteral("client_secret_basic");
    const QString post = QStringLiteral("client_secret_post");
    QTest::newRow("secret: basic first")
            << QStringList{post, basic} << true << none << ClientAuth::Basic << false;
    QTest::newRow("secret: post when only post")
            << QStringList{post} << true << none << ClientAuth::Post << false;
    QTest::newRow("public client") << QStringList{basic, QStringLiteral("none")} << false << none
                                   << ClientAuth::None << false;
    // Keycloak and Microsoft Entra serve public clients with PKCE without listing "none".
    QTest::newRow("public client, none not listed")
            << QStringList{post, basic} << false << none << ClientAuth::None << true;
    QTest::newRow("requested and offered")
            << QStringList{basic, post} << true << std::optional(ClientAuth::Post)
            << ClientAuth::Post << false;
    QTest::newRow("requested, not offered: the request wins")
            << QStringList{basic} << true << std::optional(ClientAuth::Post) << ClientAuth::Post
            << true;
    QTest::newRow("explicit none with a list without it")
            << QStringList{post, basic} << false << std::optional(ClientAuth::None)
            << ClientAuth::None << true;
}

void TestDiscovery::clientAuth_isChosenFromWhatTheServerOffers()
{
    QFETCH(QStringList, offered);
    QFETCH(bool, hasSecret);
    QFETCH(std::optional<ClientAuth>, requested);
    QFETCH(bool, warns);
    DiscoveryDocument d;
    d.tokenEndpointAuthMethods = offered;
    QString warning;
    QTEST(chooseClientAuth(d, hasSecret, requested, &warning), "chosen");
    QCOMPARE(!warning.isEmpty(), warns);
}

void TestDiscovery::fetch_fallsBackToOAuthMetadata()
{
    test::HttpStub stub;
    const QString issuer = stub.url(QString()).toString();
    stub.enqueue({test::HttpStub::response(404, "text/plain", "no")});
    stub.enqueueJson(200, json(metadata(issuer)));
    HttpClient http;
    auto *discovery = new Discovery(&http, issuer, false);
    QSignalSpy spy(discovery, &Discovery::discoveryFinished);
    discovery->start();
    QVERIFY(spy.wait());
    const auto document = spy.constFirst().constFirst().value<std::optional<DiscoveryDocument>>();
    QVERIFY(document);
    QCOMPARE(stub.requests.size(), 2);
    QVERIFY(stub.requests.value(0).startsWith("GET /.well-known/openid-configuration "));
    QVERIFY(stub.requests.value(1).startsWith("GET /.well-known/oauth-authorization-server "));
}

QTEST_GUILESS_MAIN(TestDiscovery)
#include "tst_discovery.moc"
