#include "oauth/loopbackreceiver.h"
#include "oauth/pkce.h"
#include "support/printers.h"

#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

using namespace tether;

namespace {

// Sends raw bytes to the receiver and returns the whole answer.
QByteArray exchange(quint16 port, const QByteArray &request)
{
    QTcpSocket socket;
    QSignalSpy connected(&socket, &QTcpSocket::connected);
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!connected.wait(5000))
        return {};
    QSignalSpy closed(&socket, &QTcpSocket::disconnected);
    socket.write(request);
    if (socket.state() == QAbstractSocket::ConnectedState)
        closed.wait(5000); // the receiver always closes after its one answer
    return socket.readAll();
}

QByteArray get(const QByteArray &target)
{
    return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
}

} // namespace

class TestLoopbackReceiver : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pkce_matchesRfc7636AppendixB();
    void pkce_verifiersAreFreshAndWellFormed();
    void requestLine_isParsedStrictly_data();
    void requestLine_isParsedStrictly();
    void listener_isBoundToLoopbackOnly();
    void matchingCallback_completesOnce();
    void browser_isToldSignedInOnlyAfterTheExchange();
    void wrongOrMissingState_isTurnedAwayAndWaitingGoesOn();
    void errorRedirect_isShownButTheAttemptGoesOn();
    void flood_isCappedAndTheRealCallbackStillComes();
    void otherPathsAndOversizedRequests_changeNothing();
    void slowClient_isDroppedAndBlocksNobody();
};

void TestLoopbackReceiver::pkce_matchesRfc7636AppendixB()
{
    QCOMPARE(pkce::challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
             QByteArray("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
}

void TestLoopbackReceiver::pkce_verifiersAreFreshAndWellFormed()
{
    QSet<QByteArray> seen;
    for (int i = 0; i < 100; ++i) {
        const QByteArray v = pkce::newVerifier();
        QCOMPARE(v.size(), 43); // 32 bytes, base64url, no padding: within RFC 7636's 43..128
        for (char c : v)
            QVERIFY(QByteArrayView(
                            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
                            .contains(c));
        seen.insert(v);
    }
    QCOMPARE(seen.size(), 100);
    QCOMPARE(pkce::newState().size(), 22);
}

void TestLoopbackReceiver::requestLine_isParsedStrictly_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("path");
    QTest::newRow("callback") << QByteArray("GET /callback?code=a&state=b HTTP/1.1\r\nHost: x")
                              << true << "/callback";
    QTest::newRow("encoded path") << QByteArray("GET /call%62ack HTTP/1.0") << true << "/callback";
    QTest::newRow("absolute form")
            << QByteArray("GET http://evil/callback HTTP/1.1") << false << "";
    QTest::newRow("no version") << QByteArray("GET /callback") << false << "";
    QTest::newRow("http2 preface") << QByteArray("PRI * HTTP/2.0") << false << "";
    QTest::newRow("control chars") << QByteArray("GET /cb\x01 HTTP/1.1") << false << "";
    QTest::newRow("empty") << QByteArray() << false << "";
    QTest::newRow("spaces") << QByteArray("GET  /callback HTTP/1.1") << false << "";
}

void TestLoopbackReceiver::requestLine_isParsedStrictly()
{
    QFETCH(QByteArray, head);
    QFETCH(bool, valid);
    const auto request = parseCallbackRequest(head);
    QCOMPARE(request.has_value(), valid);
    if (valid)
        QTEST(request->path, "path");
}

void TestLoopbackReceiver::listener_isBoundToLoopbackOnly()
{
    LoopbackReceiver receiver;
    QString error;
    QVERIFY(receiver.listen(0, QStringLiteral("/callback"), &error));
    QVERIFY(receiver.port() > 0);
    QVERIFY(receiver.redirectUri().startsWith(QStringLiteral("http://127.0.0.1:")));
    // Nothing answers on the machine's other addresses: the socket is bound to 127.0.0.1 alone.
    QTcpSocket probe;
    QSignalSpy failed(&probe, &QTcpSocket::errorOccurred);
    probe.connectToHost(QHostAddress(QStringLiteral("127.0.0.2")), receiver.port());
    QVERIFY(failed.wait(5000));
}

void TestLoopbackReceiver::matchingCallback_completesOnce()
{
    LoopbackReceiver receiver;
    QString error;
    QVERIFY(receiver.listen(0, QStringLiteral("/callback"), &error));
    receiver.expectState("s-123");
    QSignalSpy received(&receiver, &LoopbackReceiver::authorizationReceived);
    connect(&receiver, &LoopbackReceiver::authorizationReceived, &receiver, [&receiver] {
        receiver.completeCallback(true, QStringLiteral("You can close this tab."));
    });
    const QByteArray answer = exchange(
            receiver.port(), get("/callback?code=the%20code&state=s-123&iss=https%3A%2F%2Fid"));
    QVERIFY(answer.startsWith("HTTP/1.1 200"));
    QVERIFY(answer.contains("You can close this tab"));
    QCOMPARE(received.size(), 1);
    const auto response = received.constFirst().constFirst().value<AuthorizationResponse>();
    QCOMPARE(response.code, QStringLiteral("the code"));
    QCOMPARE(response.iss, QStringLiteral("https://id"));

    QVERIFY(exchange(receiver.port(), get("/callback?code=again&state=s-123"))
                    .startsWith("HTTP/1.1 409"));
    QCOMPARE(received.size(), 1);
}

void TestLoopbackReceiver::wrongOrMissingState_isTurnedAwayAndWaitingGoesOn()
{
    LoopbackReceiver receiver;
    QString error;
    QVERIFY(receiver.listen(0, QStringLiteral("/callback"), &error));
    receiver.expectState("right");
    QSignalSpy received(&receiver, &LoopbackReceiver::authorizationReceived);
    QSignalSpy failed(&receiver, &LoopbackReceiver::authorizationRefused);
    connect(&receiver, &LoopbackReceiver::authorizationReceived, &receiver,
            [&receiver] { receiver.completeCallback(true, {}); });
    QVERIFY(exchange(receiver.port(), get("/callback?code=x&state=wrong"))
                    .startsWith("HTTP/1.1 400"));
    QVERIFY(exchange(receiver.port(), get("/callback?code=x")).startsWith("HTTP/1.1 400"));
    QVERIFY(exchange(receiver.port(), get("/callback?error=access_denied&state=forged"))
                    .startsWith("HTTP/1.1 400"));
    QCOMPARE(received.size() + failed.size(), 0);
    QVERIFY(exchange(receiver.port(), get("/callback?code=x&state=right"))
                    .startsWith("HTTP/1.1 200"));
    QCOMPARE(received.size(), 1);
}

void TestLoopbackReceiver::browser_isToldSignedInOnlyAfterTheExchange()
{
    LoopbackReceiver receiver;
    QString error;
    QVERIFY(receiver.listen(0, QStringLiteral("/callback"), &error));
    receiver.expectState("s");
    QSignalSpy received(&receiver, &LoopbackReceiver::authorizationReceived);

    QTcpSocket browser;
    QSignalSpy connected(&browser, &QTcpSocket::connected);
    browser.connectToHost(QHostAddress::LocalHost, receiver.port());
    QVERIFY(connected.wait(5000));
    browser.write(get("/callback?code=c&state=s"));
    QVERIFY(received.wait(5000));
    // The code is being exchanged: the browser has been told nothing yet.
    QVERIFY(!browser.waitForReadyRead(200));
    QSignalSpy closed(&browser, &QTcpSocket::disconnected);
    receiver.completeCallback(false, QStringLiteral("the provider did not accept the sign-in"));
    QVERIFY(closed.wait(5000));
    const QByteArray page = browser.readAll();
    QVERIFY(page.contains("Sign-in not completed"));
    QVERIFY(page.contains("did not accept"));
    QVERIFY(!page.contains("Signed in"));
}

void TestLoopbackReceiver::errorRedirect_isShownButTheAttemptGoesOn()
{
    // The state is on the browser's command line, which other local users can read: an error
    // redirect carrying it may be forged, so it must not end the sign-in.
    LoopbackReceiver receiver;
    QString error;
    QVERIFY(receiver.listen(0, QStringLiteral("/callback"), &error));
    receiver.expectState("s");
    QSignalSpy refused(&receiver, &LoopbackReceiver::authorizationRefused);
    QSignalSpy received(&receiver, &LoopbackReceiver::authorizationReceived);
    connect(&receiver, &LoopbackReceiver::authorizationReceived, &receiver,
            [&receiver] { receiver.completeCallback(true, QStringLiteral("Signed in")); });
    const QByteArray answer = exchange(
            receiver.port(),
            get("/callback?error=access_denied&error_description=User%20said%20%3Cno%3E%1B%5B31m"
                "&state=s"));
    QVERIFY(answer.contains("User said &lt;no&gt;")); // shown, escaped, without the escape code
    QVERIFY(!answer.contains('\x1b'));
    QCOMPARE(refused.size(), 1);
    const auto failure = refused.constFirst().constFirst().value<Failure>();
    QCOMPARE(failure.code, QStringLiteral("access_denied"));
    QCOMPARE(failure.kind, FailureKind::Reconnect);
    QVERIFY(failure.message.contains(QStringLiteral("denied")));
    QVERIFY(!failure.message.contains(QChar(0x1b)));
    // The real sign-in that follows still completes.
    QVERIFY(exchange(receiver.port(), get("/callback?code=c&state=s")).startsWith("HTTP/1.1 200"));
    QCOMPARE(received.size(), 1);
}

void TestLoopbackReceiver::flood_isCappedAndTheRealCallbackStillComes()
{
    LoopbackReceiver receiver;
    QString error;
    QVERIFY(receiver.listen(0, QStringLiteral("/callback"), &error));
    receiver.expectState("s");
    QSignalSpy received(&receiver, &LoopbackReceiver::authorizationReceived);
    connect(&receiver, &LoopbackReceiver::authorizationReceived, &receiver,
            [&receiver] { receiver.completeCallback(true, {}); });
    // Connections that never send a request hold a slot each until their deadline ...
    std::vector<std::unique_ptr<QTcpSocket>> idle;
    for (int i = 0; i < LoopbackReceiver::kMaxConnections + 20; ++i) {
        idle.push_back(std::make_unique<QTcpSocket>());
        idle.back()->connectToHost(QHostAddress::LocalHost, receiver.port());
    }
    QTRY_COMPARE(receiver.openConnections(), LoopbackReceiver::kMaxConnections);
    // ... and beyond the cap they are dropped at once; when they go, the callback gets through.
    idle.clear();
    QTRY_COMPARE(receiver.openConnections(), 0);
    QVERIFY(exchange(receiver.port(), get("/callback?code=c&state=s")).startsWith("HTTP/1.1 200"));
    QCOMPARE(received.size(), 1);
}

void TestLoopbackReceiver::otherPathsAndOversizedRequests_changeNothing()
{
    LoopbackReceiver receiver;
    QString error;
    QVERIFY(receiver.listen(0, QStringLiteral("/callback"), &error));
    receiver.expectState("s");
    QSignalSpy received(&receiver, &LoopbackReceiver::authorizationReceived);
    QVERIFY(exchange(receiver.port(), get("/favicon.ico")).startsWith("HTTP/1.1 404"));
    QVERIFY(exchange(receiver.port(), "POST /callback?code=x&state=s HTTP/1.1\r\n\r\n")
                    .startsWith("HTTP/1.1 404"));
    QVERIFY(exchange(receiver.port(), "garbage\r\n\r\n").startsWith("HTTP/1.1 400"));
    const QByteArray huge =
            "GET /callback?code=" + QByteArray(20000, 'a') + "&state=s HTTP/1.1\r\n\r\n";
    QVERIFY(exchange(receiver.port(), huge).startsWith("HTTP/1.1 431"));
    QCOMPARE(received.size(), 0);
}

void TestLoopbackReceiver::slowClient_isDroppedAndBlocksNobody()
{
    LoopbackReceiver receiver;
    QString error;
    QVERIFY(receiver.listen(0, QStringLiteral("/callback"), &error));
    receiver.setClientDeadline(300);
    receiver.expectState("s");
    QSignalSpy received(&receiver, &LoopbackReceiver::authorizationReceived);

    // A client that starts a request and never finishes it (slowloris) ...
    QTcpSocket slow;
    QSignalSpy connected(&slow, &QTcpSocket::connected);
    QSignalSpy dropped(&slow, &QTcpSocket::disconnected);
    slow.connectToHost(QHostAddress::LocalHost, receiver.port());
    QVERIFY(connected.wait(5000));
    slow.write("GET /callback?code=c&sta");
    QVERIFY(slow.waitForBytesWritten(5000));

    // ... does not keep the browser's real callback waiting,
    connect(&receiver, &LoopbackReceiver::authorizationReceived, &receiver,
            [&receiver] { receiver.completeCallback(true, {}); });
    QVERIFY(exchange(receiver.port(), get("/callback?code=c&state=s")).startsWith("HTTP/1.1 200"));
    QCOMPARE(received.size(), 1);
    // and is dropped at its deadline without an answer.
    QVERIFY(dropped.wait(5000));
    QCOMPARE(slow.readAll(), QByteArray());
    QCOMPARE(received.size(), 1);
}

QTEST_GUILESS_MAIN(TestLoopbackReceiver)
#include "tst_loopbackreceiver.moc"
