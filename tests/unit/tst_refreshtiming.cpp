#include "accounts/refreshtiming.h"

#include <QTest>
#include <QTimeZone>

using namespace tether;

// When the service acts: every refresh and retry instant, and the expiry notices.
class TestRefreshTiming : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nextRefresh_atThreeQuartersWithBoundedSpread_data();
    void nextRefresh_atThreeQuartersWithBoundedSpread();
    void nextRefresh_neverWithinThirtySecondsOfTheLastAttempt_data();
    void nextRefresh_neverWithinThirtySecondsOfTheLastAttempt();
    void nextRefresh_unknownInstants_planNothing();
    void retry_fullJitterBetweenThirtySecondsAndADoublingCeiling();
    void retryAfter_isNeverShortenedNorBelowTheFloor();
    void expiryNotices_threeDaysAndOneDayBefore_data();
    void expiryNotices_threeDaysAndOneDayBefore();

private:
    const QDateTime m_issued{QDate(2026, 3, 1), QTime(8, 0), QTimeZone::utc()};
};

void TestRefreshTiming::nextRefresh_atThreeQuartersWithBoundedSpread_data()
{
    QTest::addColumn<qint64>("lifetime");
    QTest::addColumn<qint64>("plannedMs"); // without spread (jitter 1.0)
    QTest::addColumn<qint64>("spreadMs"); // the most spread brings it forward
    QTest::newRow("2 min") << qint64(120) << qint64(90'000) << qint64(2'400);
    QTest::newRow("10 min") << qint64(600) << qint64(450'000) << qint64(12'000);
    QTest::newRow("1 h") << qint64(3600) << qint64(2'700'000) << qint64(15'000);
    QTest::newRow("24 h") << qint64(86400) << qint64(64'800'000) << qint64(15'000);
}

void TestRefreshTiming::nextRefresh_atThreeQuartersWithBoundedSpread()
{
    QFETCH(qint64, lifetime);
    QFETCH(qint64, plannedMs);
    QFETCH(qint64, spreadMs);
    const QDateTime expires = m_issued.addSecs(lifetime);
    QCOMPARE(m_issued.msecsTo(timing::nextRefresh(m_issued, expires, 1.0, {})), plannedMs);
    QCOMPARE(m_issued.msecsTo(timing::nextRefresh(m_issued, expires, 0.0, {})),
             plannedMs - spreadMs);
    const qint64 margin = std::min<qint64>(300'000, lifetime * 1000 / 4);
    for (double r : {0.0, 0.3, 0.7, 0.999}) {
        const QDateTime when = timing::nextRefresh(m_issued, expires, r, {});
        QVERIFY(when.msecsTo(expires) >= margin); // never later than the safety margin
        QVERIFY(when > m_issued);
    }
}

void TestRefreshTiming::nextRefresh_neverWithinThirtySecondsOfTheLastAttempt_data()
{
    QTest::addColumn<qint64>("lifetime");
    QTest::addColumn<qint64>("expectedSeconds");
    // A provider whose tokens live a second must not cause a refresh storm.
    QTest::newRow("expires_in 1") << qint64(1) << qint64(30);
    QTest::newRow("expires_in 20") << qint64(20) << qint64(30);
    QTest::newRow("expires_in 3600") << qint64(3600) << qint64(2700);
}

void TestRefreshTiming::nextRefresh_neverWithinThirtySecondsOfTheLastAttempt()
{
    QFETCH(qint64, lifetime);
    QFETCH(qint64, expectedSeconds);
    const QDateTime when = timing::nextRefresh(m_issued, m_issued.addSecs(lifetime), 1.0, m_issued);
    QCOMPARE(m_issued.secsTo(when), expectedSeconds);
    QCOMPARE(timing::kMinimumGapSeconds, qint64(30));
}

void TestRefreshTiming::nextRefresh_unknownInstants_planNothing()
{
    QVERIFY(!timing::nextRefresh(QDateTime(), m_issued, 0.5, m_issued).isValid());
    QVERIFY(!timing::nextRefresh(m_issued, QDateTime(), 0.5, m_issued).isValid());
}

void TestRefreshTiming::retry_fullJitterBetweenThirtySecondsAndADoublingCeiling()
{
    const QList<qint64> ceilings{30'000,  60'000,  120'000, 240'000, 480'000,
                                 900'000, 900'000, 900'000, 900'000, 900'000};
    for (int failures = 1; failures <= ceilings.size(); ++failures) {
        QCOMPARE(timing::retryDelayMs(failures, std::nullopt, 1.0), ceilings.at(failures - 1));
        QCOMPARE(timing::retryDelayMs(failures, std::nullopt, 0.0), qint64(30'000));
        const qint64 middle = timing::retryDelayMs(failures, std::nullopt, 0.5);
        QVERIFY(middle >= 30'000 && middle <= ceilings.at(failures - 1));
    }
    QCOMPARE(timing::retryDelayMs(50, std::nullopt, 1.0), qint64(900'000));
    QCOMPARE(timing::retryDelayMs(0, std::nullopt, 1.0), qint64(30'000));
}

void TestRefreshTiming::retryAfter_isNeverShortenedNorBelowTheFloor()
{
    QCOMPARE(timing::retryDelayMs(1, 120, 1.0), qint64(120'000));
    QCOMPARE(timing::retryDelayMs(7, 120, 0.0), qint64(121'000));
    QCOMPARE(timing::retryDelayMs(1, 0, 0.5), qint64(30'000)); // "Retry-After: 0" is no storm
    QCOMPARE(timing::retryDelayMs(1, 29, 1.0), qint64(30'000));
}

void TestRefreshTiming::expiryNotices_threeDaysAndOneDayBefore_data()
{
    QTest::addColumn<qint64>("hoursLeft");
    QTest::addColumn<QList<int>>("days");
    QTest::addColumn<QList<qint64>>("hoursFromNow");
    QTest::newRow("14 days ahead")
            << qint64(14 * 24) << QList<int>{3, 1} << QList<qint64>{11 * 24, 13 * 24};
    QTest::newRow("inside three days: at once, then the last day")
            << qint64(48) << QList<int>{3, 1} << QList<qint64>{0, 24};
    QTest::newRow("inside the last day: at once") << qint64(5) << QList<int>{1} << QList<qint64>{0};
    QTest::newRow("already expired") << qint64(-1) << QList<int>{} << QList<qint64>{};
}

void TestRefreshTiming::expiryNotices_threeDaysAndOneDayBefore()
{
    QFETCH(qint64, hoursLeft);
    QFETCH(QList<int>, days);
    QFETCH(QList<qint64>, hoursFromNow);
    const QDateTime now = m_issued;
    const auto notices = timing::expiryNotices(now.addSecs(hoursLeft * 3600), now);
    QCOMPARE(notices.size(), days.size());
    for (int i = 0; i < notices.size(); ++i) {
        QCOMPARE(notices.at(i).daysBefore, days.at(i));
        QCOMPARE(now.secsTo(notices.at(i).at), hoursFromNow.at(i) * 3600);
    }
    QVERIFY(timing::expiryNotices(QDateTime(), now).isEmpty());
}

QTEST_GUILESS_MAIN(TestRefreshTiming)
#include "tst_refreshtiming.moc"
