#include "oauth/deviceflow.h"
#include "oauth/tokenclient.h"
#include "support/httpstub.h"
#include "support/manualclock.h"
#include "support/printers.h"

#include <QSignalSpy>
#include <QTest>

using namespace tether;

// The device authorization grant (RFC 8628) against a scripted server, on a clock of the test's:
// the code shown, pending and slow_down polls, approval, denial, a code that expires on the
// engine's clock (nothing sent then), and a first step that fails named as such.
class TestDeviceFlow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void approved_afterPendingAndSlowDown();
    void denied_endsIt();
    void expiredOnTheEnginesClock_sendsNothingMore();
    void unreachable_namesTheStep();

private:
    std::unique_ptr<DeviceFlow> flow(const QUrl &deviceEndpoint = {});
    static QByteArray deviceAnswer(int expiresIn = 600);

    std::unique_ptr<test::HttpStub> m_stub;
    std::unique_ptr<TokenClient> m_tokens;
    test::ManualClock m_clock;
};

void TestDeviceFlow::init()
{
    m_stub = std::make_unique<test::HttpStub>();
    m_tokens = std::make_unique<TokenClient>();
    m_tokens->setClock(m_clock);
}

QByteArray TestDeviceFlow::deviceAnswer(int expiresIn)
{
    return QByteArrayLiteral(
                   R"({"device_code":"dev-1","user_code":"WDJB-MJHT",)"
                   R"("verification_uri":"https://example.com/device",)"
                   R"("verification_uri_complete":"https://example.com/device?user_code=WDJB-MJHT",)"
                   R"("interval":5,"expires_in":)")
           + QByteArray::number(expiresIn) + '}';
}

std::unique_ptr<DeviceFlow> TestDeviceFlow::flow(const QUrl &deviceEndpoint)
{
    DeviceParameters p;
    p.deviceAuthorizationEndpoint =
            deviceEndpoint.isEmpty() ? m_stub->url(QStringLiteral("/device")) : deviceEndpoint;
    p.tokenEndpoint = m_stub->url(QStringLiteral("/token"));
    p.client = {QStringLiteral("tv-client"), {}, ClientAuth::None, BasicEncoding::Form};
    auto f = std::make_unique<DeviceFlow>(m_tokens.get(), p);
    f->setPollWaitForTests(0);
    return f;
}

void TestDeviceFlow::approved_afterPendingAndSlowDown()
{
    m_stub->enqueueJson(200, deviceAnswer());
    m_stub->enqueueJson(400, R"({"error":"authorization_pending"})");
    m_stub->enqueueJson(400, R"({"error":"slow_down"})");
    m_stub->enqueueJson(200, R"({"access_token":"at","token_type":"Bearer","expires_in":600,)"
                             R"("refresh_token":"rt"})");
    auto f = flow();
    QSignalSpy code(f.get(), &DeviceFlow::deviceCodeReceived);
    QSignalSpy finished(f.get(), &DeviceFlow::authorizationFinished);
    f->start();
    QVERIFY(finished.wait());
    QCOMPARE(code.size(), 1);
    const auto shown = code.constFirst().constFirst().value<DeviceCode>();
    QCOMPARE(shown.userCode, QStringLiteral("WDJB-MJHT"));
    QCOMPARE(shown.expiresAt, m_clock.nowUtc().addSecs(600)); // on the engine's clock
    const auto response = finished.constFirst().constFirst().value<std::optional<TokenResponse>>();
    QVERIFY(response.has_value());
    QCOMPARE(response->refreshToken, QStringLiteral("rt"));
    QCOMPARE(f->intervalSeconds(), 10); // slow_down: 5 s more for every later poll (§3.5)
    QCOMPARE(m_stub->requests.size(), 4);
    QVERIFY(m_stub->requests.at(1).contains(
            "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code"));
    QVERIFY(m_stub->requests.at(1).contains("device_code=dev-1"));
}

void TestDeviceFlow::denied_endsIt()
{
    m_stub->enqueueJson(200, deviceAnswer());
    m_stub->enqueueJson(400, R"({"error":"access_denied"})");
    auto f = flow();
    QSignalSpy finished(f.get(), &DeviceFlow::authorizationFinished);
    f->start();
    QVERIFY(finished.wait());
    const auto failure = finished.constFirst().at(1).value<Failure>();
    QCOMPARE(failure.code, QStringLiteral("access_denied"));
    QVERIFY(failure.message.contains(QStringLiteral("denied on the other device")));
}

void TestDeviceFlow::expiredOnTheEnginesClock_sendsNothingMore()
{
    m_stub->enqueueJson(200, deviceAnswer(60));
    auto f = flow();
    f->setPollWaitForTests(50);
    QSignalSpy code(f.get(), &DeviceFlow::deviceCodeReceived);
    QSignalSpy finished(f.get(), &DeviceFlow::authorizationFinished);
    f->start();
    QVERIFY(code.wait());
    m_clock.advance(61); // the machine slept past the code's end
    QVERIFY(finished.wait());
    QCOMPARE(finished.constFirst().at(1).value<Failure>().code, QStringLiteral("expired_token"));
    QCOMPARE(m_stub->requests.size(), 1); // no poll with a dead code
}

void TestDeviceFlow::unreachable_namesTheStep()
{
    auto f = flow(QUrl(QStringLiteral("http://127.0.0.1:1/device")));
    QSignalSpy finished(f.get(), &DeviceFlow::authorizationFinished);
    f->start();
    QVERIFY(finished.wait());
    const auto failure = finished.constFirst().at(1).value<Failure>();
    QCOMPARE(failure.kind, FailureKind::Temporary);
    QVERIFY2(failure.message.startsWith(QStringLiteral("could not get a sign-in code")),
             qPrintable(failure.message));
}

QTEST_GUILESS_MAIN(TestDeviceFlow)
#include "tst_deviceflow.moc"
