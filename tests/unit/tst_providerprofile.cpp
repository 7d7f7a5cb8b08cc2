#include "providers/providercatalog.h"
#include "support/printers.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace tether;

class TestProviderProfile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void builtins_loadWithoutWarnings();
    void builtins_encodeTheProductTable_data();
    void builtins_encodeTheProductTable();
    void invalidProfile_isRejectedWithReason_data();
    void invalidProfile_isRejectedWithReason();
    void userProfile_replacesBuiltinAndBrokenOneIsSkipped();
    void tenant_fromTheIssuersHostOrPath();
};

void TestProviderProfile::tenant_fromTheIssuersHostOrPath()
{
    const ProviderCatalog catalog =
            ProviderCatalog::fromDirectories({QStringLiteral(":/providers")});
    const ProviderProfile *auth0 = catalog.find(QStringLiteral("auth0"));
    const ProviderProfile *microsoft = catalog.find(QStringLiteral("microsoft"));
    QCOMPARE(auth0->tenantOf(QStringLiteral("https://acme.eu.auth0.com/")),
             QStringLiteral("acme.eu.auth0.com"));
    for (const char *tenant : {"common", "organizations", "8eaef023-2b34-4da1-9baa-8bc8c9d6a490",
                               "contoso.onmicrosoft.com"}) {
        const QString issuer = QStringLiteral("https://login.microsoftonline.com/%1/v2.0")
                                       .arg(QLatin1String(tenant));
        QCOMPARE(microsoft->tenantOf(issuer), QLatin1String(tenant));
    }
    // Nothing that could change the endpoint's path is taken.
    QCOMPARE(microsoft->tenantOf(QStringLiteral("https://login.microsoftonline.com/a%2Fb/v2.0")),
             QString());
    QCOMPARE(microsoft->tenantOf(QStringLiteral("common")), QString());
    QVERIFY(microsoft->tenantExample.startsWith(
            QStringLiteral("https://login.microsoftonline.com/")));
}

void TestProviderProfile::builtins_loadWithoutWarnings()
{
    const ProviderCatalog catalog =
            ProviderCatalog::fromDirectories({QStringLiteral(":/providers")});
    QCOMPARE(catalog.warnings(), QStringList());
    QStringList ids;
    for (const ProviderProfile &p : catalog.profiles())
        ids << p.id;
    QCOMPARE(ids, (QStringList{QStringLiteral("aiia"), QStringLiteral("auth0"),
                               QStringLiteral("edgetag"), QStringLiteral("github"),
                               QStringLiteral("google"), QStringLiteral("microsoft"),
                               QStringLiteral("oidc"), QStringLiteral("pagero"),
                               QStringLiteral("wise")}));
}

void TestProviderProfile::builtins_encodeTheProductTable_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("tokenEndpoint");
    QTest::addColumn<BodyEncoding>("body");
    QTest::addColumn<ClientAuth>("auth");
    QTest::addColumn<Rotation>("rotation");
    QTest::addColumn<bool>("singleUse");
    QTest::addColumn<LifetimeModel>("model");
    QTest::addColumn<qint64>("refreshSeconds");
    QTest::addColumn<qint64>("accessDefault");

    QTest::newRow("aiia") << "aiia"
                          << "https://api-sandbox.aiia.eu/v1/oauth/token" << BodyEncoding::Json
                          << ClientAuth::Basic << Rotation::Always << false << LifetimeModel::JwtExp
                          << qint64(14 * 86400) << qint64(3600);
    QTest::newRow("wise") << "wise"
                          << "https://api.wise.com/oauth/token" << BodyEncoding::Form
                          << ClientAuth::Basic << Rotation::Optional << false
                          << LifetimeModel::Fixed << qint64(631152000) << qint64(43200);
    QTest::newRow("auth0") << "auth0"
                           << "https://{tenant}/oauth/token" << BodyEncoding::Json
                           << ClientAuth::None << Rotation::Optional << false
                           << LifetimeModel::Unknown << qint64(0) << qint64(86400);
    QTest::newRow("edgetag") << "edgetag"
                             << "http://api-sandbox.edgetag.io/v1/oauth-app/client/token"
                             << BodyEncoding::Form << ClientAuth::Basic << Rotation::Never << false
                             << LifetimeModel::Unknown << qint64(0) << qint64(7200);
    QTest::newRow("pagero") << "pagero"
                            << "https://sso.pageroonline.com/oauth/v2/oauth-token"
                            << BodyEncoding::Form << ClientAuth::Basic << Rotation::Always << true
                            << LifetimeModel::Rolling << qint64(3LL * 365 * 86400) << qint64(600);
    // The providers people have, from their public documentation (resources/providers/README.md).
    QTest::newRow("google") << "google"
                            << "https://oauth2.googleapis.com/token" << BodyEncoding::Form
                            << ClientAuth::Post << Rotation::Never << false
                            << LifetimeModel::Unknown << qint64(0) << qint64(3600);
    QTest::newRow("microsoft") << "microsoft"
                               << "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token"
                               << BodyEncoding::Form << ClientAuth::None << Rotation::Always
                               << false << LifetimeModel::Rolling << qint64(90 * 86400)
                               << qint64(3600);
    QTest::newRow("github") << "github"
                            << "https://github.com/login/oauth/access_token" << BodyEncoding::Form
                            << ClientAuth::Post << Rotation::Always << true << LifetimeModel::Fixed
                            << qint64(183 * 86400) << qint64(28800);
    QTest::newRow("oidc") << "oidc"
                          << "" << BodyEncoding::Form << ClientAuth::Basic << Rotation::Optional
                          << false << LifetimeModel::Unknown << qint64(0) << qint64(3600);
}

void TestProviderProfile::builtins_encodeTheProductTable()
{
    QFETCH(QString, id);
    const ProviderCatalog catalog =
            ProviderCatalog::fromDirectories({QStringLiteral(":/providers")});
    const ProviderProfile *p = catalog.find(id);
    QVERIFY(p);
    QTEST(p->tokenEndpoint, "tokenEndpoint");
    QTEST(p->body, "body");
    QTEST(p->clientAuth, "auth");
    QTEST(p->rotation, "rotation");
    QTEST(p->singleUse, "singleUse");
    QTEST(p->refreshLifetime, "model");
    QTEST(p->refreshLifetimeSeconds, "refreshSeconds");
    QTEST(p->defaultAccessLifetime, "accessDefault");
    if (id == QLatin1String("pagero"))
        QVERIFY(p->acceptedClientAuth.contains(ClientAuth::Post));
    if (id == QLatin1String("auth0"))
        QVERIFY(p->needsTenant() && p->sendScopeOnRefresh);
    if (id == QLatin1String("oidc"))
        QVERIFY(p->discovery);
}

void TestProviderProfile::invalidProfile_isRejectedWithReason_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("reason");

    const QByteArray ok =
            R"("schema":1,"id":"x","name":"X","endpoints":{"token":"https://x.example/token"})";
    QTest::newRow("no schema") << QByteArray(R"({"id":"x","name":"X"})") << "schema must be 1";
    QTest::newRow("future schema")
            << QByteArray(R"({"schema":2,"id":"x","name":"X"})") << "schema must be 1";
    QTest::newRow("no id") << QByteArray(R"({"schema":1,"name":"X"})") << "id is missing";
    QTest::newRow("id shape") << QByteArray(R"({"schema":1,"id":"../evil","name":"X"})")
                              << "id must be 1-40 lowercase letters, digits, '-' or '_'";
    QTest::newRow("id type") << QByteArray(R"({"schema":1,"id":5,"name":"X"})")
                             << "id must be a string";
    QTest::newRow("no token endpoint") << QByteArray(R"({"schema":1,"id":"x","name":"X"})")
                                       << "endpoints.token is missing (or set \"discovery\": true)";
    QTest::newRow("endpoint scheme")
            << QByteArray(R"({"schema":1,"id":"x","name":"X","endpoints":{"token":"ftp://x/t"}})")
            << "endpoints.token is not an http(s) URL: ftp://x/t";
    QTest::newRow("body") << "{" + ok + R"(,"token_request":{"body":"xml"}})"
                          << "token_request.body must be one of form, json";
    QTest::newRow("auth") << "{" + ok + R"(,"token_request":{"client_auth":"mtls"}})"
                          << "token_request.client_auth must be one of basic, post, none";
    QTest::newRow("auth not accepted")
            << "{" + ok
                       + R"(,"token_request":{"client_auth":"post","accepted_client_auth":["basic"]}})"
            << "token_request.client_auth must be one of accepted_client_auth";
    QTest::newRow("lifetime negative") << "{" + ok + R"(,"access_token":{"default_lifetime":-5}})"
                                       << "access_token.default_lifetime must be a whole number of "
                                          "seconds between 1 and 100 years";
    QTest::newRow("lifetime huge") << "{" + ok + R"(,"access_token":{"default_lifetime":1e300}})"
                                   << "access_token.default_lifetime must be a whole number of "
                                      "seconds between 1 and 100 years";
    QTest::newRow("lifetime text") << "{" + ok + R"(,"access_token":{"default_lifetime":"1h"}})"
                                   << "access_token.default_lifetime must be a whole number of "
                                      "seconds between 1 and 100 years";
    QTest::newRow("single use needs rotation")
            << "{" + ok + R"(,"refresh_token":{"rotation":"optional","single_use":true}})"
            << "a single_use refresh token needs \"rotation\": \"always\"";
    QTest::newRow("fixed needs seconds")
            << "{" + ok + R"(,"refresh_token":{"lifetime":{"model":"fixed"}}})"
            << "refresh_token.lifetime.seconds is needed for the fixed model";
    QTest::newRow("model")
            << "{" + ok + R"(,"refresh_token":{"lifetime":{"model":"forever"}}})"
            << "refresh_token.lifetime.model must be one of unknown, fixed, rolling, jwt-exp";
    QTest::newRow("extra parameter type")
            << "{" + ok + R"(,"token_request":{"extra_parameters":{"a":1}}})"
            << "token_request.extra_parameters.a must be a string";
    QTest::newRow("scope with space")
            << "{" + ok + R"(,"authorization":{"default_scopes":["a b"]}})"
            << "authorization.default_scopes must hold single scope names";
    QTest::newRow("object expected") << "{" + ok + R"(,"refresh_token":[]})"
                                     << "refresh_token must be an object";
}

void TestProviderProfile::invalidProfile_isRejectedWithReason()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, reason);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QString why;
    QVERIFY(!ProviderProfile::fromJson(doc.object(), &why));
    QCOMPARE(why, reason);
}

void TestProviderProfile::userProfile_replacesBuiltinAndBrokenOneIsSkipped()
{
    QTemporaryDir dir;
    auto write = [&](const QString &name, const QByteArray &content) {
        QFile f(dir.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
    };
    write(QStringLiteral("wise.json"),
          R"({"schema":1,"id":"wise","name":"Wise staging","endpoints":{"token":"https://staging.example/oauth/token"}})");
    write(QStringLiteral("broken.json"), "{ not json");
    write(QStringLiteral("misnamed.json"),
          R"({"schema":1,"id":"other","name":"O","endpoints":{"token":"https://o.example/t"}})");
    write(QStringLiteral("huge.json"), QByteArray(300 * 1024, ' '));

    const ProviderCatalog catalog =
            ProviderCatalog::fromDirectories({QStringLiteral(":/providers"), dir.path()});
    QCOMPARE(catalog.find(QStringLiteral("wise"))->name, QStringLiteral("Wise staging"));
    QVERIFY(catalog.find(QStringLiteral("pagero")));
    QVERIFY(!catalog.find(QStringLiteral("other")));
    QCOMPARE(catalog.warnings().size(), 3);
    QVERIFY(catalog.warnings().filter(QStringLiteral("broken.json: not a JSON object")).size()
            == 1);
    QVERIFY(catalog.warnings().filter(QStringLiteral("must be named other.json")).size() == 1);
    QVERIFY(catalog.warnings().filter(QStringLiteral("larger than 256 KiB")).size() == 1);
}

QTEST_GUILESS_MAIN(TestProviderProfile)
#include "tst_providerprofile.moc"
