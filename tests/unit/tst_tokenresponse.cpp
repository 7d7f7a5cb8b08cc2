#include "oauth/tokenresponse.h"
#include "support/printers.h"

#include <QTest>
#include <QTimeZone>

using namespace tether;

namespace {
const QDateTime kNow(QDate(2015, 10, 21), QTime(7, 28, 0), QTimeZone::utc());
}

class TestTokenResponse : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void seedAnswers_parse_data();
    void seedAnswers_parse();
    void badAnswers_areRejected_data();
    void badAnswers_areRejected();
    void oddLifetimes_fallBackWithWarning_data();
    void oddLifetimes_fallBackWithWarning();
    void answers_areClassified_data();
    void answers_areClassified();
    void serverText_losesControlCharacters();
    void refusals_areNamedForWhatWasRefused_data();
    void refusals_areNamedForWhatWasRefused();
    void retryAfter_readsSecondsAndDates_data();
    void retryAfter_readsSecondsAndDates();
};

void TestTokenResponse::seedAnswers_parse_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("refreshToken");
    QTest::addColumn<QString>("tokenType");
    QTest::addColumn<qint64>("expiresIn");

    // The answers as the seed documents show them.
    QTest::newRow("aiia") << QByteArray(
            R"({"access_token":"eyJ.a.b","expires_in":3600,"redirect_uri":null,
                                            "refresh_token":"eyJ.r.s","token_type":"bearer"})")
                          << "eyJ.r.s"
                          << "bearer" << qint64(3600);
    QTest::newRow("auth0 (no refresh token)") << QByteArray(
            R"({"access_token":"eyJ...MoQ","expires_in":86400,"scope":"openid offline_access",
                            "id_token":"eyJ...0NE","token_type":"Bearer"})")
                                              << ""
                                              << "Bearer" << qint64(86400);
    QTest::newRow("edgetag (no token_type)") << QByteArray(
            R"({"access_token":"aYsxMIy3XguB9YORh2GzAL8E60MsVvXbG8IHxNFooSo","expires_in":7200})")
                                             << ""
                                             << "" << qint64(7200);
    QTest::newRow("pagero (claims, empty scope)") << QByteArray(
            R"({"token_type":"bearer","access_token":"eyJr","refresh_token":"_1XBPWQQ_e61b",
                            "scope":"","claims":"publicid","expires_in":600})")
                                                  << "_1XBPWQQ_e61b"
                                                  << "bearer" << qint64(600);
    QTest::newRow("refresh_token null")
            << QByteArray(R"({"access_token":"a","refresh_token":null,"expires_in":60})") << ""
            << "" << qint64(60);
}

void TestTokenResponse::seedAnswers_parse()
{
    QFETCH(QByteArray, body);
    QString error;
    const auto r = parseTokenResponse(body, &error);
    QVERIFY2(r, qPrintable(error));
    QTEST(r->refreshToken, "refreshToken");
    QTEST(r->tokenType, "tokenType");
    QFETCH(qint64, expiresIn);
    QCOMPARE(r->expiresIn, std::optional<qint64>(expiresIn));
    QVERIFY(r->warnings.isEmpty());
}

void TestTokenResponse::badAnswers_areRejected_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("reason");

    QTest::newRow("empty") << QByteArray() << "the response is not JSON (illegal value)";
    QTest::newRow("html") << QByteArray("<html>Bad gateway</html>")
                          << "the response is not JSON (illegal value)";
    QTest::newRow("truncated") << QByteArray(R"({"access_token":"abc","expi)")
                               << "the response is not JSON (unterminated string)";
    QTest::newRow("array") << QByteArray(R"([{"access_token":"a"}])")
                           << "the response is not a JSON object";
    QTest::newRow("no access_token")
            << QByteArray(R"({"token_type":"bearer"})") << "the response has no access_token";
    QTest::newRow("access_token number")
            << QByteArray(R"({"access_token":12345})") << "the response has no access_token";
    QTest::newRow("access_token empty")
            << QByteArray(R"({"access_token":""})") << "the response has no access_token";
    QTest::newRow("access_token null")
            << QByteArray(R"({"access_token":null})") << "the response has no access_token";
    QTest::newRow("token_type array")
            << QByteArray(R"({"access_token":"a","token_type":["bearer"]})")
            << "the response's token_type is not a string";
    QTest::newRow("token_type mac") << QByteArray(R"({"access_token":"a","token_type":"mac"})")
                                    << "the token_type \"mac\" is not a bearer token";
    QTest::newRow("refresh_token number") << QByteArray(R"({"access_token":"a","refresh_token":7})")
                                          << "the response's refresh_token is not a string";
    QTest::newRow("scope object") << QByteArray(R"({"access_token":"a","scope":{}})")
                                  << "the response's scope is not a string";
    QTest::newRow("huge token") << QByteArray(R"({"access_token":")" + QByteArray(70000, 'a')
                                              + R"("})")
                                << "the access_token is implausibly long";
}

void TestTokenResponse::badAnswers_areRejected()
{
    QFETCH(QByteArray, body);
    QString error;
    QVERIFY(!parseTokenResponse(body, &error));
    QTEST(error, "reason");
}

void TestTokenResponse::oddLifetimes_fallBackWithWarning_data()
{
    QTest::addColumn<QByteArray>("expiresIn");
    QTest::addColumn<std::optional<qint64>>("lifetime");
    const std::optional<qint64> expired = 0, capped = 10LL * 366 * 24 * 3600, unknown;
    // What the server says has expired has: refreshed before it is handed out.
    QTest::newRow("negative") << QByteArray("-100") << expired;
    QTest::newRow("zero") << QByteArray("0") << expired;
    // Absurdly long: capped (a token is never handed out on the strength of 1e300 seconds).
    QTest::newRow("huge") << QByteArray("1e300") << capped;
    QTest::newRow("int64 max") << QByteArray("9223372036854775807") << capped;
    QTest::newRow("beyond ten years") << QByteArray("999999999999") << capped;
    // Not a number: the profile's default.
    QTest::newRow("digits as a string") << QByteArray(R"("3600")") << unknown;
    QTest::newRow("word") << QByteArray(R"("soon")") << unknown;
    QTest::newRow("object") << QByteArray("{}") << unknown;
    QTest::newRow("bool") << QByteArray("true") << unknown;
}

void TestTokenResponse::oddLifetimes_fallBackWithWarning()
{
    // A token that came with an unusable lifetime is still a token the provider issued (and
    // maybe a rotated refresh token): keep it, make the lifetime safe, say so.
    QFETCH(QByteArray, expiresIn);
    QString error;
    const auto r = parseTokenResponse(
            R"({"access_token":"a","refresh_token":"r","expires_in":)" + expiresIn + "}", &error);
    QVERIFY2(r, qPrintable(error));
    QTEST(r->expiresIn, "lifetime");
    QCOMPARE(r->refreshToken, QStringLiteral("r"));
    QCOMPARE(r->warnings.size(), 1);
}

void TestTokenResponse::refusals_areNamedForWhatWasRefused_data()
{
    QTest::addColumn<TokenGrant>("grant");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("field");
    const QByteArray bare;
    const QByteArray unauthorized = R"({"error":"unauthorized_client"})";
    // A bare 400: the server's silence said as such, never a code of Tether's own as its.
    QTest::newRow("refresh, bare 400")
            << TokenGrant::Refresh << 400 << bare
            << "the provider refused the refresh (HTTP 400 with no explanation)"
            << "";
    QTest::newRow("refresh, invalid_request")
            << TokenGrant::Refresh << 400
            << QByteArray(R"({"error":"invalid_request","error_description":"no session"})")
            << "the provider refused the refresh (invalid_request: no session)"
            << "";
    // A wrong client secret at the code exchange: the sign-in's exchange, and the remedy.
    QTest::newRow("code exchange, 403 unauthorized_client")
            << TokenGrant::CodeExchange << 403 << unauthorized
            << "the provider refused the sign-in's code exchange (unauthorized_client); check the "
               "account's client id and secret"
            << "client-secret-stdin";
    QTest::newRow("code exchange, invalid_client")
            << TokenGrant::CodeExchange << 401 << QByteArray(R"({"error":"invalid_client"})")
            << "the provider refused the client credentials in the sign-in's code exchange "
               "(invalid_client); check the account's client id and secret"
            << "client-secret-stdin";
    QTest::newRow("code exchange, invalid_grant")
            << TokenGrant::CodeExchange << 400 << QByteArray(R"({"error":"invalid_grant"})")
            << "the provider did not accept the sign-in's authorization code (invalid_grant); "
               "sign in again"
            << "";
    QTest::newRow("device poll, bare 401")
            << TokenGrant::DevicePoll << 401 << bare
            << "the provider refused the device sign-in (HTTP 401 with no explanation)"
            << "";
}

void TestTokenResponse::refusals_areNamedForWhatWasRefused()
{
    QFETCH(TokenGrant, grant);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    const TokenOutcome outcome =
            interpretTokenResponse({status, body, {}, {}}, QDateTime::currentDateTimeUtc(), grant);
    QVERIFY(!outcome.ok());
    QTEST(outcome.failure.message, "message");
    QTEST(outcome.failure.field, "field");
    QVERIFY(!outcome.failure.message.contains(QStringLiteral("refused the refresh"))
            || grant == TokenGrant::Refresh);
}

void TestTokenResponse::answers_areClassified_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<FailureKind>("kind");
    QTest::addColumn<QString>("code");
    QTest::addColumn<std::optional<qint64>>("wait");
    QTest::addColumn<bool>("responseLost");
    // A refusal other than invalid_grant: the refresh layer decides what it means, by whether
    // the account refreshed before (PRODUCT.md, "Account states").
    QTest::addColumn<bool>("refused");

    const std::optional<qint64> none;
    QTest::newRow("invalid_grant")
            << 400 << QByteArray(R"({"error":"invalid_grant","error_description":"revoked"})")
            << QByteArray() << FailureKind::Reconnect << "invalid_grant" << none << false << false;
    // GitHub answers its errors with 200: a refusal, not a malformed success (which would be
    // retried for ever and taken as a possibly lost rotation).
    QTest::newRow("GitHub: an error with 200")
            << 200
            << QByteArray(
                       R"({"error":"bad_refresh_token","error_description":"The refresh token )"
                       R"(passed is incorrect or expired.","error_uri":"https://docs.github.com"})")
            << QByteArray() << FailureKind::Configuration << "bad_refresh_token" << none << false
            << true;
    QTest::newRow("GitHub: invalid_grant with 200")
            << 200 << QByteArray(R"({"error":"invalid_grant"})") << QByteArray()
            << FailureKind::Reconnect << "invalid_grant" << none << false << false;
    QTest::newRow("invalid_client 401")
            << 401 << QByteArray(R"({"error":"invalid_client"})") << QByteArray()
            << FailureKind::Configuration << "invalid_client" << none << false << true;
    QTest::newRow("unauthorized_client")
            << 400 << QByteArray(R"({"error":"unauthorized_client"})") << QByteArray()
            << FailureKind::Configuration << "unauthorized_client" << none << false << true;
    QTest::newRow("invalid_scope")
            << 400 << QByteArray(R"({"error":"invalid_scope"})") << QByteArray()
            << FailureKind::Configuration << "invalid_scope" << none << false << true;
    QTest::newRow("invalid_request (a dead refresh token at some servers)")
            << 400 << QByteArray(R"({"error":"invalid_request","error_description":"x"})")
            << QByteArray() << FailureKind::Configuration << "invalid_request" << none << false
            << true;
    QTest::newRow("an unknown code")
            << 400 << QByteArray(R"({"error":"session_ended"})") << QByteArray()
            << FailureKind::Configuration << "session_ended" << none << false << true;
    QTest::newRow("401 without body")
            << 401 << QByteArray() << QByteArray() << FailureKind::Configuration << "http_401"
            << none << false << true;
    QTest::newRow("400 html") << 400 << QByteArray("<html/>") << QByteArray()
                              << FailureKind::Configuration << "http_400" << none << false << true;
    QTest::newRow("403 html") << 403 << QByteArray("<html/>") << QByteArray()
                              << FailureKind::Temporary << "unexpected_answer" << none << false
                              << false;
    // Retried with backoff, the reason kept visible: never silently unscheduled.
    QTest::newRow("404") << 404 << QByteArray("not here") << QByteArray() << FailureKind::Temporary
                         << "endpoint_not_found" << none << false << false;
    QTest::newRow("redirect") << 302 << QByteArray() << QByteArray() << FailureKind::Temporary
                              << "redirected" << none << false << false;
    QTest::newRow("429 seconds") << 429 << QByteArray() << QByteArray("120")
                                 << FailureKind::Temporary << "rate_limited"
                                 << std::optional<qint64>(120) << false << false;
    QTest::newRow("429 date") << 429 << QByteArray() << QByteArray("Wed, 21 Oct 2015 07:29:30 GMT")
                              << FailureKind::Temporary << "rate_limited"
                              << std::optional<qint64>(90) << false << false;
    QTest::newRow("503 retry-after")
            << 503 << QByteArray() << QByteArray("30") << FailureKind::Temporary << "server_error"
            << std::optional<qint64>(30) << false << false;
    QTest::newRow("500 ignores retry-after")
            << 500 << QByteArray() << QByteArray("30") << FailureKind::Temporary << "server_error"
            << none << false << false;
    QTest::newRow("502") << 502 << QByteArray("<html/>") << QByteArray() << FailureKind::Temporary
                         << "server_error" << none << false << false;
    QTest::newRow("504") << 504 << QByteArray() << QByteArray() << FailureKind::Temporary
                         << "server_error" << none << false << false;
    QTest::newRow("temporarily_unavailable 400")
            << 400 << QByteArray(R"({"error":"temporarily_unavailable"})") << QByteArray()
            << FailureKind::Temporary << "temporarily_unavailable" << none << false << false;
    QTest::newRow("200 html") << 200 << QByteArray("<html/>") << QByteArray()
                              << FailureKind::Temporary << "malformed_answer" << none << true
                              << false;
    QTest::newRow("200 no access token")
            << 200 << QByteArray(R"({"expires_in":5})") << QByteArray() << FailureKind::Temporary
            << "malformed_answer" << none << true << false;
    // RFC 6750 b64token: a CR LF would start a header of its own in `Authorization: Bearer`.
    QTest::newRow("200 header injection in the access token") << 200
                                                              << QByteArray(R"({"access_token":"AT
X-Injected: yes"})") << QByteArray() << FailureKind::Temporary << "malformed_answer"
                                                              << none << true << false;
    QTest::newRow("200 escape sequence in the refresh token")
            << 200 << QByteArray(R"({"access_token":"AT","refresh_token":"RT\u001b[2J"})")
            << QByteArray() << FailureKind::Temporary << "malformed_answer" << none << true
            << false;
    QTest::newRow("200 NUL in the access token")
            << 200 << QByteArray(R"({"access_token":"A\u0000T"})") << QByteArray()
            << FailureKind::Temporary << "malformed_answer" << none << true << false;
}

void TestTokenResponse::answers_areClassified()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, retryAfter);
    const TokenOutcome outcome = interpretTokenResponse({status, body, retryAfter, {}}, kNow);
    QVERIFY(!outcome.ok());
    QTEST(outcome.failure.kind, "kind");
    QTEST(outcome.failure.code, "code");
    QTEST(outcome.failure.retryAfterSeconds, "wait");
    QTEST(outcome.responseLost, "responseLost");
    QTEST(outcome.refused, "refused");
    QCOMPARE(outcome.failure.httpStatus, status);
    QVERIFY(!outcome.failure.message.isEmpty());
}

void TestTokenResponse::serverText_losesControlCharacters()
{
    const TokenOutcome outcome = interpretTokenResponse(
            {400,
             R"({"error":"invalid_grant","error_description":"gone\u001b[31m red\r\nX: y\u202e"})",
             {},
             {}},
            kNow);
    QVERIFY(outcome.failure.message.contains(QStringLiteral("gone[31m red X: y")));
    for (const QChar c : outcome.failure.message)
        QVERIFY2(c.unicode() >= 0x20 && c.category() != QChar::Other_Format,
                 qPrintable(outcome.failure.message));
}

void TestTokenResponse::retryAfter_readsSecondsAndDates_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<std::optional<qint64>>("seconds");
    QTest::newRow("seconds") << QByteArray("7") << std::optional<qint64>(7);
    QTest::newRow("spaces") << QByteArray(" 7 ") << std::optional<qint64>(7);
    QTest::newRow("capped at a day") << QByteArray("9999999") << std::optional<qint64>(86400);
    QTest::newRow("imf date") << QByteArray("Wed, 21 Oct 2015 07:30:00 GMT")
                              << std::optional<qint64>(120);
    QTest::newRow("past date") << QByteArray("Wed, 21 Oct 2015 07:00:00 GMT")
                               << std::optional<qint64>(0);
    QTest::newRow("negative") << QByteArray("-3") << std::optional<qint64>();
    QTest::newRow("garbage") << QByteArray("soon") << std::optional<qint64>();
    QTest::newRow("empty") << QByteArray() << std::optional<qint64>();
}

void TestTokenResponse::retryAfter_readsSecondsAndDates()
{
    QFETCH(QByteArray, value);
    QTEST(parseRetryAfter(value, kNow), "seconds");
}

QTEST_GUILESS_MAIN(TestTokenResponse)
#include "tst_tokenresponse.moc"
