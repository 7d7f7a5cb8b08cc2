#include "oauth/tokenrequest.h"
#include "providers/providercatalog.h"
#include "support/printers.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUrlQuery>

using namespace tether;

namespace {

QMap<QString, QString> bodyParameters(const HttpRequest &request)
{
    QMap<QString, QString> out;
    if (request.header("Content-Type") == "application/json") {
        const QJsonObject o = QJsonDocument::fromJson(request.body).object();
        for (auto it = o.begin(); it != o.end(); ++it)
            out.insert(it.key(), it.value().toString());
    } else {
        const QUrlQuery q(QString::fromLatin1(request.body));
        for (const auto &[k, v] : q.queryItems(QUrl::FullyDecoded))
            out.insert(k, v);
    }
    return out;
}

} // namespace

class TestTokenRequest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void refreshRequest_followsEachProvider_data();
    void refreshRequest_followsEachProvider();
    void basicCredentials_areFormEncodedFirst();
    void formBody_escapesReservedCharacters();
    void networkRequest_neverFollowsRedirectsOrKeepsCookies();
};

void TestTokenRequest::refreshRequest_followsEachProvider_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<std::optional<ClientAuth>>("override");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<bool>("basicHeader");
    QTest::addColumn<QStringList>("bodyKeys");

    const QStringList base{QStringLiteral("grant_type"), QStringLiteral("refresh_token")};
    QTest::newRow("aiia: JSON, Basic") << "aiia" << std::optional<ClientAuth>()
                                       << QByteArray("application/json") << true << base;
    QTest::newRow("wise: form, Basic")
            << "wise" << std::optional<ClientAuth>()
            << QByteArray("application/x-www-form-urlencoded") << true << base;
    QTest::newRow("auth0: JSON, client_id in body, scope")
            << "auth0" << std::optional<ClientAuth>() << QByteArray("application/json") << false
            << (QStringList{QStringLiteral("client_id"), QStringLiteral("grant_type"),
                            QStringLiteral("refresh_token"), QStringLiteral("scope")});
    QTest::newRow("edgetag: form, Basic")
            << "edgetag" << std::optional<ClientAuth>()
            << QByteArray("application/x-www-form-urlencoded") << true << base;
    QTest::newRow("pagero: form, Basic")
            << "pagero" << std::optional<ClientAuth>()
            << QByteArray("application/x-www-form-urlencoded") << true << base;
    QTest::newRow("pagero: form, secret in body")
            << "pagero" << std::optional<ClientAuth>(ClientAuth::Post)
            << QByteArray("application/x-www-form-urlencoded") << false
            << (QStringList{QStringLiteral("client_id"), QStringLiteral("client_secret"),
                            QStringLiteral("grant_type"), QStringLiteral("refresh_token")});
}

void TestTokenRequest::refreshRequest_followsEachProvider()
{
    QFETCH(QString, provider);
    QFETCH(std::optional<ClientAuth>, override);
    const ProviderCatalog catalog =
            ProviderCatalog::fromDirectories({QStringLiteral(":/providers")});
    const ProviderProfile &profile = *catalog.find(provider);
    const ClientCredentials client{QStringLiteral("client-1"), QStringLiteral("secret-1"),
                                   override.value_or(profile.clientAuth)};
    const QUrl endpoint(QStringLiteral("https://auth.example/token"));
    const HttpRequest request =
            buildRefreshRequest(profile, endpoint, client, QStringLiteral("rt-1"),
                                QStringLiteral("openid offline_access"));

    QCOMPARE(request.url, endpoint);
    QTEST(request.header("Content-Type"), "contentType");
    QCOMPARE(request.header("Accept"), QByteArray("application/json"));
    QFETCH(bool, basicHeader);
    QCOMPARE(request.header("Authorization"),
             basicHeader ? QByteArray("Basic " + QByteArray("client-1:secret-1").toBase64())
                         : QByteArray());
    const auto params = bodyParameters(request);
    QTEST(QStringList(params.keys()), "bodyKeys");
    QCOMPARE(params.value(QStringLiteral("grant_type")), QStringLiteral("refresh_token"));
    QCOMPARE(params.value(QStringLiteral("refresh_token")), QStringLiteral("rt-1"));
    if (params.contains(QStringLiteral("client_id")))
        QCOMPARE(params.value(QStringLiteral("client_id")), QStringLiteral("client-1"));
    if (params.contains(QStringLiteral("client_secret")))
        QCOMPARE(params.value(QStringLiteral("client_secret")), QStringLiteral("secret-1"));
    if (params.contains(QStringLiteral("scope")))
        QCOMPARE(params.value(QStringLiteral("scope")), QStringLiteral("openid offline_access"));
}

void TestTokenRequest::basicCredentials_areFormEncodedFirst()
{
    // RFC 6749 §2.3.1: "client:id" with a colon must not be confused with the separator.
    const HttpRequest request = buildTokenRequest(
            QUrl(QStringLiteral("https://a.example/t")), BodyEncoding::Form,
            {QStringLiteral("my:app"), QStringLiteral("p@ss w+rd"), ClientAuth::Basic}, {});
    QCOMPARE(request.header("Authorization"),
             QByteArray("Basic " + QByteArray("my%3Aapp:p%40ss%20w%2Brd").toBase64()));
}

void TestTokenRequest::formBody_escapesReservedCharacters()
{
    QCOMPARE(formEncode({{QStringLiteral("refresh_token"), QStringLiteral("a+b/c=d&e f")}}),
             QByteArray("refresh_token=a%2Bb%2Fc%3Dd%26e%20f"));
}

void TestTokenRequest::networkRequest_neverFollowsRedirectsOrKeepsCookies()
{
    const HttpRequest request =
            buildTokenRequest(QUrl(QStringLiteral("https://a.example/t")), BodyEncoding::Json,
                              {QStringLiteral("c"), {}, ClientAuth::None}, {});
    const QNetworkRequest nr = request.toNetworkRequest();
    QCOMPARE(nr.attribute(QNetworkRequest::RedirectPolicyAttribute).toInt(),
             int(QNetworkRequest::ManualRedirectPolicy));
    QCOMPARE(nr.attribute(QNetworkRequest::CookieSaveControlAttribute).toInt(),
             int(QNetworkRequest::Manual));
    QCOMPARE(nr.attribute(QNetworkRequest::CacheSaveControlAttribute).toBool(), false);
    QCOMPARE(QJsonDocument::fromJson(request.body)
                     .object()
                     .value(QStringLiteral("client_id"))
                     .toString(),
             QStringLiteral("c"));
}

QTEST_GUILESS_MAIN(TestTokenRequest)
#include "tst_tokenrequest.moc"
