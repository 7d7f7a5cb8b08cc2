// The browser sign-in's waiting side: a hint when nothing reaches the loopback listener (the
// usual cause is a redirect URI the server does not accept), and none once something did.
#include "oauth/authorizationflow.h"
#include "oauth/tokenclient.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace tether;

class TestAuthorizationFlow : public QObject
{
    Q_OBJECT

private:
    static AuthorizationParameters parameters(int hintMs)
    {
        AuthorizationParameters p;
        p.authorizationEndpoint = QUrl(QStringLiteral("https://login.example/authorize"));
        p.tokenEndpoint = QUrl(QStringLiteral("https://login.example/token"));
        p.client = {QStringLiteral("app"), QString(), ClientAuth::None};
        p.noCallbackHintMs = hintMs;
        return p;
    }

private Q_SLOTS:
    void nothingComesBack_hintNamesTheRedirectUri()
    {
        TokenClient tokens;
        QUrl opened;
        AuthorizationFlow flow(&tokens, parameters(50), [&opened](const QUrl &url) {
            opened = url;
            return true;
        });
        QSignalSpy notices(&flow, &AuthorizationFlow::noticed);
        QSignalSpy finished(&flow, &AuthorizationFlow::authorizationFinished);
        flow.start();
        QVERIFY(opened.isValid());
        QVERIFY(notices.wait(5000));
        const QString hint = notices.at(0).at(0).toString();
        QVERIFY2(hint.contains(QLatin1String("redirect URI")), qPrintable(hint));
        QVERIFY2(hint.contains(QLatin1String("127.0.0.1")), qPrintable(hint));
        QCOMPARE(finished.count(), 0); // a hint, and the flow goes on waiting
        flow.cancel();
        QCOMPARE(finished.count(), 1);
    }

    void somethingCameBack_noHint()
    {
        TokenClient tokens;
        QUrl opened;
        AuthorizationFlow flow(&tokens, parameters(400), [&opened](const QUrl &url) {
            opened = url;
            return true;
        });
        QSignalSpy notices(&flow, &AuthorizationFlow::noticed);
        flow.start();
        // The provider redirects back with a refusal: the listener saw the browser.
        const QUrlQuery query(opened);
        QUrl back(query.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
        QUrlQuery answer;
        answer.addQueryItem(QStringLiteral("error"), QStringLiteral("access_denied"));
        answer.addQueryItem(QStringLiteral("state"), query.queryItemValue(QStringLiteral("state")));
        back.setQuery(answer);
        QNetworkAccessManager browser;
        QNetworkReply *reply = browser.get(QNetworkRequest(back));
        QSignalSpy replied(reply, &QNetworkReply::finished);
        QVERIFY(replied.wait(5000));
        reply->deleteLater();
        // The refusal itself is a notice; the redirect-URI hint must not follow it.
        QTRY_VERIFY_WITH_TIMEOUT(notices.count() >= 1, 5000);
        QVERIFY(!notices.wait(800)); // past the 400 ms hint deadline: nothing more
        for (const QList<QVariant> &notice : notices)
            QVERIFY2(!notice.at(0).toString().contains(QLatin1String("redirect URI")),
                     qPrintable(notice.at(0).toString()));
        flow.cancel();
    }
};

QTEST_GUILESS_MAIN(TestAuthorizationFlow)
#include "tst_authorizationflow.moc"
