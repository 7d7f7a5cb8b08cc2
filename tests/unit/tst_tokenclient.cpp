#include "oauth/tokenclient.h"
#include "support/httpstub.h"
#include "support/printers.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace tether;
using test::HttpStub;

namespace {

HttpRequest request(const QUrl &url)
{
    return buildTokenRequest(
            url, BodyEncoding::Form,
            {QStringLiteral("client"), QStringLiteral("secret"), ClientAuth::Basic},
            {{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
             {QStringLiteral("refresh_token"), QStringLiteral("rt")}});
}

TokenOutcome exchange(TokenClient &client, const QUrl &url)
{
    TokenExchange *e = client.send(request(url));
    QSignalSpy spy(e, &TokenExchange::tokenExchangeFinished);
    if (!spy.wait(20000))
        return {};
    return spy.constFirst().constFirst().value<TokenOutcome>();
}

} // namespace

class TestTokenClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void success_isParsedAndRequestIsAsBuilt();
    void errorAnswer_isClassified();
    void silentServer_timesOutAndTheAnswerCountsAsLost();
    void announcedHugeAnswer_isAbortedAtOnce();
    void streamedHugeAnswer_isCutAtTheCap();
    void truncatedAnswer_isTemporaryAndLost();
    void refusedConnection_wasNeverSent();
    void redirect_isNotFollowed();
    void closedBeforeAnswer_isNeverResent();
};

void TestTokenClient::success_isParsedAndRequestIsAsBuilt()
{
    HttpStub stub;
    stub.enqueueJson(200, R"({"access_token":"new","expires_in":60,"refresh_token":"rt2"})");
    TokenClient client;
    const TokenOutcome outcome = exchange(client, stub.url());
    QVERIFY(outcome.ok());
    QCOMPARE(outcome.response->accessToken, QStringLiteral("new"));
    QCOMPARE(stub.requests.size(), 1);
    const QByteArray sent = stub.requests.constFirst();
    QVERIFY(sent.startsWith("POST /token HTTP/1.1"));
    QVERIFY(sent.contains(
            QByteArray("Authorization: Basic " + QByteArray("client:secret").toBase64())));
    QVERIFY(sent.endsWith("grant_type=refresh_token&refresh_token=rt"));
}

void TestTokenClient::errorAnswer_isClassified()
{
    HttpStub stub;
    stub.enqueueJson(400, R"({"error":"invalid_grant"})");
    TokenClient client;
    const TokenOutcome outcome = exchange(client, stub.url());
    QCOMPARE(outcome.failure.kind, FailureKind::Reconnect);
    QCOMPARE(outcome.failure.httpStatus, 400);
}

void TestTokenClient::silentServer_timesOutAndTheAnswerCountsAsLost()
{
    HttpStub stub;
    stub.enqueue({{}, true});
    TokenClient client;
    client.setTimeout(300);
    const TokenOutcome outcome = exchange(client, stub.url());
    QCOMPARE(outcome.failure.kind, FailureKind::Temporary);
    QCOMPARE(outcome.failure.code, QStringLiteral("timeout"));
    QVERIFY(outcome.answerLost);
}

void TestTokenClient::announcedHugeAnswer_isAbortedAtOnce()
{
    HttpStub stub;
    stub.enqueue({"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                  "67108864\r\n\r\n{",
                  false, false, 0});
    TokenClient client;
    const TokenOutcome outcome = exchange(client, stub.url());
    QCOMPARE(outcome.failure.code, QStringLiteral("answer_too_large"));
    QVERIFY(outcome.answerLost); // a 200 was on its way
}

void TestTokenClient::streamedHugeAnswer_isCutAtTheCap()
{
    HttpStub stub;
    stub.enqueue({"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n{",
                  false, true, 8 * 1024 * 1024});
    TokenClient client;
    client.setMaxResponseBytes(64 * 1024);
    const TokenOutcome outcome = exchange(client, stub.url());
    QCOMPARE(outcome.failure.kind, FailureKind::Temporary);
    QCOMPARE(outcome.failure.code, QStringLiteral("answer_too_large"));
}

void TestTokenClient::truncatedAnswer_isTemporaryAndLost()
{
    HttpStub stub;
    stub.enqueue({"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                  "100\r\n\r\n{\"access_to",
                  false, true, 0});
    TokenClient client;
    const TokenOutcome outcome = exchange(client, stub.url());
    QCOMPARE(outcome.failure.kind, FailureKind::Temporary);
    QVERIFY(outcome.answerLost);
}

void TestTokenClient::refusedConnection_wasNeverSent()
{
    QTcpServer reserve; // take a free port, then close it so nothing listens there
    QVERIFY(reserve.listen(QHostAddress::LocalHost));
    const quint16 port = reserve.serverPort();
    reserve.close();
    TokenClient client;
    const TokenOutcome outcome =
            exchange(client, QUrl(QStringLiteral("http://127.0.0.1:%1/token").arg(port)));
    QCOMPARE(outcome.failure.kind, FailureKind::Temporary);
    QCOMPARE(outcome.failure.code, QStringLiteral("network_error"));
    QVERIFY(!outcome.answerLost);
}

void TestTokenClient::redirect_isNotFollowed()
{
    HttpStub stub;
    stub.enqueue({HttpStub::response(307, "text/plain", "",
                                     "Location: https://evil.example/steal\r\n")});
    TokenClient client;
    const TokenOutcome outcome = exchange(client, stub.url());
    QCOMPARE(outcome.failure.kind, FailureKind::Configuration);
    QCOMPARE(outcome.failure.code, QStringLiteral("redirected"));
    QCOMPARE(stub.connections, 1);
}

void TestTokenClient::closedBeforeAnswer_isNeverResent()
{
    // The server read the request, maybe acted on it, and closed without answering. Qt would
    // re-send the POST by itself; a refresh token must go out once.
    HttpStub stub;
    stub.enqueue({QByteArray(), false, true, 0});
    stub.enqueueJson(200, R"({"access_token":"second"})");
    TokenClient client;
    const TokenOutcome outcome = exchange(client, stub.url());
    QVERIFY(!outcome.ok());
    QCOMPARE(outcome.failure.kind, FailureKind::Temporary);
    QVERIFY(outcome.answerLost);
    QCOMPARE(stub.requests.size(), 1);
}

QTEST_GUILESS_MAIN(TestTokenClient)
#include "tst_tokenclient.moc"
