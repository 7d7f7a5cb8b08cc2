#include "accounts/accountvalidation.h"
#include "oauth/endpointpolicy.h"
#include "support/printers.h"

#include <QHostAddress>
#include <QTest>

using namespace tether;

// Where credentials may go: https always, plain http to loopback or with the account's opt-in;
// and where the browser may send an authorization code.
class TestEndpointPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void endpoints_areRefusedOrAllowed_data();
    void endpoints_areRefusedOrAllowed();
    void refusals_nameTheEndpointAndTheSetting();
    void loopback_isTheAddressesQHostAddressCallsLoopback_data();
    void loopback_isTheAddressesQHostAddressCallsLoopback();
    void redirects_areALoopbackAddressWithAPort_data();
    void redirects_areALoopbackAddressWithAPort();
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

// The check compares QUrl's canonical text instead of parsing with Qt Network: every spelling of
// an address must come out as QHostAddress decides, and none may pass that QHostAddress refuses.
void TestEndpointPolicy::loopback_isTheAddressesQHostAddressCallsLoopback_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("address"); // isLoopbackAddress
    QTest::addColumn<bool>("host"); // isLoopbackHost: the address, or the name localhost
    const auto row = [](const char *url, bool address, bool host) {
        QTest::newRow(url) << QString::fromLatin1(url) << address << host;
    };
    row("http://127.0.0.1:8400/callback", true, true);
    row("http://127.255.255.254/", true, true);
    row("http://127.1/", true, true); // QUrl writes 127.0.0.1
    row("http://0x7f.0.0.1/", true, true);
    row("http://0177.0.0.1/", true, true);
    row("http://2130706433/", true, true);
    row("http://127.000.000.001/", true, true);
    row("http://[::1]:9/", true, true);
    row("http://[0:0:0:0:0:0:0:1]/", true, true);
    row("http://[::ffff:127.0.0.1]/", true, true);
    row("http://[::ffff:7f00:1]/", true, true);
    row("http://localhost:8400/", false, true);
    row("http://LocalHost/", false, true);
    row("http://128.0.0.1/", false, false);
    row("http://126.255.255.255/", false, false);
    row("http://0.0.0.0/", false, false);
    row("http://10.0.0.1/", false, false);
    row("http://[::]/", false, false);
    row("http://[::2]/", false, false);
    row("http://[::127.0.0.1]/", false, false); // IPv4-compatible, not mapped: not loopback
    row("http://[::ffff:128.0.0.1]/", false, false);
    row("http://[fe80::1]/", false, false);
    row("http://127.0.0.1.example.com/", false, false);
    row("http://127.0.0.1./", false, false);
    row("http://127.0.0.1.5/", false, false); // a name of numbers, not an address
    row("http://localhost.example.com/", false, false);
    row("http://127.example/", false, false);
    row("http://api.wise.com/", false, false);
}

void TestEndpointPolicy::loopback_isTheAddressesQHostAddressCallsLoopback()
{
    QFETCH(QString, url);
    QFETCH(bool, address);
    QFETCH(bool, host);
    const QUrl parsed(url, QUrl::StrictMode);
    QVERIFY(parsed.isValid());
    QCOMPARE(isLoopbackAddress(parsed), address);
    QCOMPARE(isLoopbackHost(parsed), host);
    const QHostAddress qt(parsed.host());
    QCOMPARE(!qt.isNull() && qt.isLoopback(), address);
}

// Where the browser sends the authorization code: RFC 8252's loopback IP literal, never the name.
void TestEndpointPolicy::redirects_areALoopbackAddressWithAPort_data()
{
    QTest::addColumn<QString>("uri");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("127.0.0.1") << "http://127.0.0.1:8400/callback" << true;
    QTest::newRow("127.1") << "http://127.1:8400/callback" << true;
    QTest::newRow("::1") << "http://[::1]:8400/callback" << true;
    QTest::newRow("localhost") << "http://localhost:8400/callback" << false;
    QTest::newRow("another machine") << "http://10.0.0.1:8400/callback" << false;
    QTest::newRow("a name of numbers") << "http://127.0.0.1.5:8400/callback" << false;
    QTest::newRow("https") << "https://127.0.0.1:8400/callback" << false;
    QTest::newRow("no port") << "http://127.0.0.1/callback" << false;
    QTest::newRow("a query") << "http://127.0.0.1:8400/callback?x=1" << false;
}

void TestEndpointPolicy::redirects_areALoopbackAddressWithAPort()
{
    QFETCH(QString, uri);
    QFETCH(bool, accepted);
    const auto failure = checkLoopbackRedirect(uri);
    QCOMPARE(!failure, accepted);
    if (failure)
        QCOMPARE(failure->field, QStringLiteral("redirect-uri"));
}

QTEST_GUILESS_MAIN(TestEndpointPolicy)
#include "tst_endpointpolicy.moc"
