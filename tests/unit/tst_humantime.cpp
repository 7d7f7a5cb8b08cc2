#include "core/humantime.h"
#include "core/translations.h"
#include "service/notifier.h"

#include <QTest>
#include <QTimeZone>

using namespace tether;

// Times and words for people: the true remaining time, "now" for what just happened, and a
// failure made a notification's sentence.
class TestHumanTime : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // English plurals come from the English catalogue ("1 minute", "3 minutes").
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        installTranslations(*QCoreApplication::instance());
    }
    void until_givesTheTrueRemainingTime_data();
    void until_givesTheTrueRemainingTime();
    void relative_withinTheSecond_isNow();
    void notificationBody_isASentenceWithoutTheAccountId();
};

void TestHumanTime::until_givesTheTrueRemainingTime_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("said");
    // The demo account whose refresh token dies after three minutes was "in 1 hour".
    QTest::newRow("3 min") << qint64(180) << "in 3 minutes";
    QTest::newRow("1 min") << qint64(20) << "in 1 minute";
    QTest::newRow("47 min") << qint64(47 * 60) << "in 47 minutes";
    QTest::newRow("2 h") << qint64(2 * 3600) << "in 2 hours";
    QTest::newRow("35 h") << qint64(35 * 3600) << "in 35 hours";
    QTest::newRow("47 h 59 min") << qint64(47 * 3600 + 59 * 60) << "in 2 days";
    QTest::newRow("3 days") << qint64(3 * 24 * 3600) << "in 3 days";
}

void TestHumanTime::until_givesTheTrueRemainingTime()
{
    QFETCH(qint64, seconds);
    QTEST(humantime::until(seconds), "said");
}

void TestHumanTime::relative_withinTheSecond_isNow()
{
    const QDateTime now(QDate(2026, 12, 6), QTime(20, 0), QTimeZone::utc());
    QCOMPARE(humantime::relative(now.addMSecs(400), now), QStringLiteral("now"));
    QCOMPARE(humantime::relative(now.addSecs(-90), now), QStringLiteral("1m 30s ago"));
    QCOMPARE(humantime::relative(now.addSecs(90), now), QStringLiteral("in 1m 30s"));
}

void TestHumanTime::notificationBody_isASentenceWithoutTheAccountId()
{
    QCOMPARE(Notifier::sentence(QStringLiteral("demo-expiring"),
                                QStringLiteral("demo-expiring: the refresh token expired")),
             QStringLiteral("The refresh token expired"));
    QCOMPARE(Notifier::sentence(QStringLiteral("bank"), QStringLiteral("the keychain is locked")),
             QStringLiteral("The keychain is locked"));
}

QTEST_GUILESS_MAIN(TestHumanTime)
#include "tst_humantime.moc"
