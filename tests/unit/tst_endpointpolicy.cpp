#include "oauth/endpointpolicy.h"
#include "support/printers.h"

#include <QTest>

using namespace tether;

// Where credentials may go: https always, plain http to loopback or with the account's opt-in.
class TestEndpointPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void endpoints_areRefusedOrAllowed_data();
    void endpoints_areRefusedOrAllowed();
    void refusals_nameTheEndpointAndTheSetting();
};

void TestEndpointPolicy::endpoints_areRefusedOrAllowed_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("optIn");
    QTest::addColumn<QString>("refusal"); // the failure's code, or empty when allowed
    QTest::newRow("https") << "https://api.wise.com/oauth/token" << false << "";
    QTest::newRow("http to 127.0.0.1") << "http://127.0.0.1:8400/token" << false << "";
    QTest::newRow("http to 127.1.2.3") << "http://127.1.2.3/token" << false << "";
    QTest::newRow("http to ::1") << "http://[::1]:9/token" << false << "";
    QTest::newRow("http to localhost") << "http://LocalHost/token" << false << "";
    QTest::newRow("plain http") << "http://api-sandbox.edgetag.io/token" << false
                                << "insecure_endpoint";
    QTest::newRow("plain http, opted in") << "http://api-sandbox.edgetag.io/token" << true << "";
    QTest::newRow("a name that only looks loopback")
            << "http://127.0.0.1.example.com/token" << false << "insecure_endpoint";
    QTest::newRow("credentials in the URL")
            << "https://user:pw@id.example/token" << false << "refused_url";
    QTest::newRow("ftp") << "ftp://id.example/token" << false << "refused_url";
    QTest::newRow("no host") << "https:///token" << false << "refused_url";
    QTest::newRow("not a URL") << "not a url" << false << "refused_url";
}

void TestEndpointPolicy::endpoints_areRefusedOrAllowed()
{
    QFETCH(QString, url);
    QFETCH(bool, optIn);
    QFETCH(QString, refusal);
    const auto failure = checkEndpoint(QUrl(url, QUrl::StrictMode), optIn);
    QCOMPARE(failure ? failure->code : QString(), refusal);
    if (failure)
        QCOMPARE(failure->kind, FailureKind::BadInput);
}

void TestEndpointPolicy::refusals_nameTheEndpointAndTheSetting()
{
    const auto insecure = checkEndpoint(QUrl(QStringLiteral("http://id.example/revoke")), false,
                                        Endpoint::Revocation);
    QVERIFY(insecure->message.startsWith(QStringLiteral("the revocation endpoint ")));
    QVERIFY(!insecure->message.contains(QStringLiteral("--"))); // words, not options
    QCOMPARE(insecure->field, QStringLiteral("allow-insecure-http"));
    const auto invalid =
            checkEndpoint(QUrl(QStringLiteral("ftp://x/y")), false, Endpoint::Authorization);
    QCOMPARE(invalid->field, QStringLiteral("authorization-endpoint"));
    for (Endpoint e : {Endpoint::Token, Endpoint::Authorization, Endpoint::Revocation,
                       Endpoint::DeviceAuthorization, Endpoint::Issuer})
        QVERIFY(!nameOf(e).isEmpty() && !fieldOf(e).isEmpty());
}

QTEST_GUILESS_MAIN(TestEndpointPolicy)
#include "tst_endpointpolicy.moc"
