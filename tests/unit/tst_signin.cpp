#include "accounts/accounteditor.h"
#include "accounts/signin.h"
#include "support/httpstub.h"
#include "support/manualclock.h"
#include "support/printers.h"
#include "support/testengine.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace tether;

// One sign-in from start to stored tokens: the browser (played by the test: it follows the
// authorization URL's redirect with a code), the loopback callback, the code exchange at a
// scripted token endpoint, and what is stored. Also: one sign-in per account at a time,
// cancelling, and what is refused before any browser opens.
class TestSignIn : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void browser_codeExchangedWithPkce_tokensStored();
    void refusedExchange_storesNothing();
    void secondSignIn_whileOneIsUnderWay_isRefused_untilItEnds();
    void cancel_endsItAsCancelled();
    void noAuthorizationEndpoint_isRefusedBeforeTheBrowser();
    void deviceSignIn_withoutItsEndpoint_namesTheSetting();

private:
    void addAccount(
            const QString &authorization = QStringLiteral("https://wise.example/authorize"));
    std::unique_ptr<SignIn> signIn(SignIn::Method method = SignIn::Method::Browser);
    // The outcome of what `act` does to the sign-in (start or cancel it), which may come at
    // once or later.
    Outcome outcomeOf(SignIn &signIn, const std::function<void()> &act);

    test::PrivateRuntimeDir m_runtime; // before anything that takes a lock
    std::unique_ptr<test::TestEngine> m_parts;
    std::unique_ptr<AccountEditor> m_editor;
    std::unique_ptr<test::HttpStub> m_stub;
    QNetworkAccessManager m_browser;
    QList<QUrl> m_opened; // what the "browser" was asked to open
    QString m_callbackCode = QStringLiteral("code-1"); // empty: the browser never comes back
    test::ManualClock m_clock;
    const QString m_id = QStringLiteral("acct");
};

void TestSignIn::init()
{
    m_parts = std::make_unique<test::TestEngine>();
    m_editor = std::make_unique<AccountEditor>(m_parts->engine(m_clock));
    m_stub = std::make_unique<test::HttpStub>();
    m_opened.clear();
    m_callbackCode = QStringLiteral("code-1");
}

void TestSignIn::cleanup()
{
    m_editor.reset();
    m_stub.reset();
}

void TestSignIn::addAccount(const QString &authorization)
{
    AccountConfig c;
    c.id = m_id;
    c.provider = QStringLiteral("wise");
    c.clientId = QStringLiteral("client");
    c.tokenEndpoint = m_stub->url().toString();
    c.authorizationEndpoint = authorization;
    std::optional<Outcome> added;
    m_editor->addAccount(c, QStringLiteral("secret"),
                         {this, [&added](const Outcome &o) { added = o; }});
    QTRY_VERIFY(added);
    QVERIFY2(added->ok(), qPrintable(added->failure ? added->failure->message : QString()));
}

std::unique_ptr<SignIn> TestSignIn::signIn(SignIn::Method method)
{
    // The browser: follows the authorization request back to the loopback redirect with a code
    // and the state it was given, as a provider does once the person has signed in.
    BrowserOpener browser = [this](const QUrl &url) {
        m_opened.append(url);
        if (m_callbackCode.isEmpty())
            return true;
        const QUrlQuery query(url);
        QUrl callback(query.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
        callback.setQuery(QUrlQuery{
                {QStringLiteral("code"), m_callbackCode},
                {QStringLiteral("state"), query.queryItemValue(QStringLiteral("state"))}});
        QTimer::singleShot(0, this, [this, callback] {
            QNetworkReply *reply = m_browser.get(QNetworkRequest(callback));
            connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
        });
        return true;
    };
    auto sign = std::make_unique<SignIn>(*m_editor, m_id, method, browser);
    sign->setTimeout(10'000);
    return sign;
}

Outcome TestSignIn::outcomeOf(SignIn &sign, const std::function<void()> &act)
{
    QSignalSpy done(&sign, &SignIn::signInFinished);
    act();
    if (done.isEmpty() && !done.wait(15'000))
        return Outcome::failed(Failure::unexpected(QStringLiteral("never finished")));
    return done.constFirst().constFirst().value<Outcome>();
}

void TestSignIn::browser_codeExchangedWithPkce_tokensStored()
{
    addAccount();
    m_stub->enqueueJson(200, R"({"token_type":"bearer","access_token":"at-1",)"
                             R"("refresh_token":"rt-1","expires_in":3600})");
    auto sign = signIn();
    QSignalSpy progress(sign.get(), &SignIn::signInProgressed);
    QSignalSpy done(sign.get(), &SignIn::signInFinished);
    sign->start();
    QVERIFY(done.wait(15'000));
    const Outcome outcome = done.constFirst().constFirst().value<Outcome>();
    QVERIFY2(outcome.ok(), qPrintable(outcome.failure ? outcome.failure->message : QString()));

    // The browser was opened at the provider, with PKCE, a state, and a loopback redirect.
    QCOMPARE(m_opened.size(), 1);
    const QUrlQuery query(m_opened.constFirst());
    QCOMPARE(m_opened.constFirst().host(), QStringLiteral("wise.example"));
    QCOMPARE(query.queryItemValue(QStringLiteral("response_type")), QStringLiteral("code"));
    QCOMPARE(query.queryItemValue(QStringLiteral("code_challenge_method")), QStringLiteral("S256"));
    QVERIFY(!query.queryItemValue(QStringLiteral("state")).isEmpty());
    QCOMPARE(QUrl(query.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded)).host(),
             QStringLiteral("127.0.0.1"));
    QVERIFY(!progress.isEmpty());
    QVERIFY(progress.constFirst().constFirst().value<SignInProgress>().browserOpened);

    // The code went to the token endpoint with its verifier.
    QCOMPARE(m_stub->requests.size(), 1);
    const QByteArray request = m_stub->requests.constFirst();
    QVERIFY(request.contains("grant_type=authorization_code"));
    QVERIFY(request.contains("code=code-1"));
    QVERIFY(request.contains("code_verifier="));

    // Stored: the keychain first, then the registry says connected.
    const SecretBundle bundle = m_parts->secrets.items.value(m_id);
    QVERIFY(bundle.tokens);
    QCOMPARE(bundle.tokens->accessToken, QStringLiteral("at-1"));
    QCOMPARE(bundle.tokens->refreshToken, QStringLiteral("rt-1"));
    QCOMPARE(bundle.clientSecret, QStringLiteral("secret")); // kept
    Account account;
    QVERIFY(!m_parts->registry.loadAccount(m_id, &account));
    QCOMPARE(account.status.state, AccountState::Connected);
    QVERIFY(account.status.hasRefreshToken);
}

void TestSignIn::refusedExchange_storesNothing()
{
    addAccount();
    m_stub->enqueueJson(400, R"({"error":"invalid_grant","error_description":"code used"})");
    auto sign = signIn();
    const Outcome outcome = outcomeOf(*sign, [&] { sign->start(); });
    QVERIFY(!outcome.ok());
    QVERIFY(outcome.failure->message.contains(QStringLiteral("code used"))); // the server's words
    QVERIFY(!m_parts->secrets.items.value(m_id).tokens);
    Account account;
    QVERIFY(!m_parts->registry.loadAccount(m_id, &account));
    QCOMPARE(account.status.state, AccountState::NotConnected);
}

void TestSignIn::secondSignIn_whileOneIsUnderWay_isRefused_untilItEnds()
{
    addAccount();
    m_callbackCode.clear(); // the person has not come back from the browser yet
    auto first = signIn();
    QSignalSpy opened(first.get(), &SignIn::signInProgressed);
    first->start();
    QVERIFY(opened.wait());
    auto second = signIn();
    const Outcome refused = outcomeOf(*second, [&] { second->start(); });
    QVERIFY(!refused.ok());
    QCOMPARE(refused.failure->code, QStringLiteral("sign_in_under_way"));
    QCOMPARE(refused.failure->kind, FailureKind::Temporary);

    QCOMPARE(outcomeOf(*first, [&] { first->cancel(); }).failure->code,
             QStringLiteral("sign_in_cancelled"));
    // Once the first has ended, a new one may start.
    m_callbackCode = QStringLiteral("code-2");
    m_stub->enqueueJson(200, R"({"token_type":"bearer","access_token":"at-2","expires_in":60})");
    auto third = signIn();
    QVERIFY(outcomeOf(*third, [&] { third->start(); }).ok());
}

void TestSignIn::cancel_endsItAsCancelled()
{
    addAccount();
    m_callbackCode.clear();
    auto sign = signIn();
    QSignalSpy opened(sign.get(), &SignIn::signInProgressed);
    QSignalSpy done(sign.get(), &SignIn::signInFinished);
    sign->start();
    QVERIFY(opened.wait());
    sign->cancel();
    QTRY_COMPARE(done.size(), 1);
    const Outcome outcome = done.constFirst().constFirst().value<Outcome>();
    QCOMPARE(outcome.failure->code, QStringLiteral("sign_in_cancelled"));
    QCOMPARE(m_stub->connections, 0);
    QVERIFY(!m_parts->secrets.items.value(m_id).tokens);
}

void TestSignIn::noAuthorizationEndpoint_isRefusedBeforeTheBrowser()
{
    // Pagero's profile has none; the account sets none.
    AccountConfig c;
    c.id = m_id;
    c.provider = QStringLiteral("pagero");
    c.clientId = QStringLiteral("client");
    c.tokenEndpoint = m_stub->url().toString();
    std::optional<Outcome> added;
    m_editor->addAccount(c, QStringLiteral("secret"),
                         {this, [&added](const Outcome &o) { added = o; }});
    QTRY_VERIFY(added);
    QVERIFY(added->ok());
    auto sign = signIn();
    const Outcome outcome = outcomeOf(*sign, [&] { sign->start(); });
    QVERIFY(!outcome.ok());
    QCOMPARE(outcome.failure->code, QStringLiteral("endpoint_missing"));
    QCOMPARE(outcome.failure->field, QStringLiteral("authorization-endpoint"));
    QVERIFY(m_opened.isEmpty());
}

void TestSignIn::deviceSignIn_withoutItsEndpoint_namesTheSetting()
{
    addAccount();
    auto sign = signIn(SignIn::Method::Device);
    const Outcome outcome = outcomeOf(*sign, [&] { sign->start(); });
    QVERIFY(!outcome.ok());
    QCOMPARE(outcome.failure->field, QStringLiteral("device-authorization-endpoint"));
    QCOMPARE(m_stub->connections, 0);
}

QTEST_GUILESS_MAIN(TestSignIn)
#include "tst_signin.moc"
