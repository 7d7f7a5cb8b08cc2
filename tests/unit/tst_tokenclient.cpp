#include "oauth/tokenclient.h"
#include "support/httpstub.h"
#include "support/printers.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace tether;
using test::HttpStub;

namespace {

// A success whose head announces 100 bytes of body, of which 11 follow.
constexpr char kHalfAnswer[] =
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
        "100\r\n\r\n{\"access_to";

HttpRequest request(const QUrl &url)
{
    return buildTokenRequest(
            url, BodyEncoding::Form,
            {QStringLiteral("client"), QStringLiteral("secret"), ClientAuth::Basic},
            {{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
             {QStringLiteral("refresh_token"), QStringLiteral("rt")}});
}

TokenOutcome exchange(TokenClient &client, const QUrl &url, BeforeSending beforeSending = {})
{
    TokenExchange *e = client.send(request(url), std::move(beforeSending));
    QSignalSpy spy(e, &TokenExchange::tokenExchangeFinished);
    if (!spy.wait(20000))
        return {};
    return spy.constFirst().constFirst().value<TokenOutcome>();
}

// A port where connecting hangs: a listener whose accept queue (backlog 0) is already full,
// so the kernel drops every further SYN.
class Unreachable
{
public:
    Unreachable()
    {
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        m_listener = ::socket(AF_INET, SOCK_STREAM, 0);
        ::bind(m_listener, reinterpret_cast<sockaddr *>(&address), length);
        ::listen(m_listener, 0);
        ::getsockname(m_listener, reinterpret_cast<sockaddr *>(&address), &length);
        m_port = ntohs(address.sin_port);
        m_filler = ::socket(AF_INET, SOCK_STREAM, 0);
        ::connect(m_filler, reinterpret_cast<sockaddr *>(&address), length);
    }
    ~Unreachable()
    {
        ::close(m_filler);
        ::close(m_listener);
    }
    Q_DISABLE_COPY_MOVE(Unreachable)
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1/token").arg(m_port)); }

private:
    int m_listener = -1;
    int m_filler = -1;
    quint16 m_port = 0;
};

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
    void cutOffAnswer_isANetworkError_howeverQtEndsIt();
    void refusedConnection_wasNeverSent();
    void redirect_isNotFollowed();
    void closedBeforeAnswer_isNeverResent();
    void beforeSending_runsOnceOnAnOpenConnection();
    void beforeSending_refusal_keepsTheBody();
    void beforeSending_notAskedWhenNothingConnects();
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
    QVERIFY(outcome.responseLost);
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
    QVERIFY(outcome.responseLost); // a 200 was on its way
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
    stub.enqueue({kHalfAnswer});
    TokenClient client;
    const TokenOutcome outcome = exchange(client, stub.url());
    QCOMPARE(outcome.failure.kind, FailureKind::Temporary);
    QCOMPARE(outcome.failure.code, QStringLiteral("network_error"));
    QVERIFY(outcome.responseLost);
}

void TestTokenClient::cutOffAnswer_isANetworkError_howeverQtEndsIt()
{
    // A server that resets the connection 20 ms after half its answer. Qt reports most of these
    // as RemoteHostClosedError, but finishes some (about one in seven on the machine this was
    // written on) without an error, the half body in hand. Each round must be a lost answer,
    // never one parsed (malformed_answer, as the fault matrix once saw for a truncated body).
    for (int round = 0; round < 40; ++round) {
        HttpStub stub;
        HttpStub::Reply cut{kHalfAnswer};
        cut.resetAfterMs = 20;
        stub.enqueue(cut);
        TokenClient client;
        const TokenOutcome outcome = exchange(client, stub.url());
        QCOMPARE(outcome.failure.code, QStringLiteral("network_error"));
        QCOMPARE(outcome.failure.kind, FailureKind::Temporary);
        QVERIFY(outcome.responseLost);
    }
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
    QVERIFY(!outcome.responseLost);
}

void TestTokenClient::redirect_isNotFollowed()
{
    HttpStub stub;
    stub.enqueue({HttpStub::response(307, "text/plain", "",
                                     "Location: https://evil.example/steal\r\n")});
    TokenClient client;
    const TokenOutcome outcome = exchange(client, stub.url());
    QCOMPARE(outcome.failure.kind, FailureKind::Temporary); // tried again later, not followed
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
    QVERIFY(outcome.responseLost);
    QCOMPARE(stub.requests.size(), 1);
}

void TestTokenClient::beforeSending_runsOnceOnAnOpenConnection()
{
    HttpStub stub;
    stub.enqueueJson(200, R"({"access_token":"a","token_type":"bearer"})");
    TokenClient client;
    int asked = 0;
    const TokenOutcome outcome = exchange(client, stub.url(), [&]() -> std::optional<Failure> {
        ++asked;
        return std::nullopt;
    });
    QVERIFY(outcome.ok());
    QCOMPARE(asked, 1);
    QCOMPARE(stub.requests.size(), 1);
}

void TestTokenClient::beforeSending_refusal_keepsTheBody()
{
    HttpStub stub;
    stub.enqueueJson(200, R"({"access_token":"a","token_type":"bearer"})");
    TokenClient client;
    const Failure refusal = Failure::temporary(QStringLiteral("registry_unwritable"),
                                               QStringLiteral("could not write"));
    const TokenOutcome outcome =
            exchange(client, stub.url(), [&]() -> std::optional<Failure> { return refusal; });
    QCOMPARE(outcome.failure.code, refusal.code);
    QVERIFY(!outcome.responseLost);
    QCOMPARE(stub.connections, 1);
    QCOMPARE(stub.requests.size(), 0); // the server never got a whole request to act on
}

void TestTokenClient::beforeSending_notAskedWhenNothingConnects()
{
    // A connection that never opens: the token never left, so even a timeout loses nothing.
    Unreachable nowhere;
    TokenClient client;
    client.setTimeout(300);
    int asked = 0;
    const TokenOutcome outcome = exchange(client, nowhere.url(), [&]() -> std::optional<Failure> {
        ++asked;
        return std::nullopt;
    });
    QCOMPARE(outcome.failure.code, QStringLiteral("timeout"));
    QVERIFY(!outcome.responseLost);
    QCOMPARE(asked, 0);
}

QTEST_GUILESS_MAIN(TestTokenClient)
#include "tst_tokenclient.moc"
