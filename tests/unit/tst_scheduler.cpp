#include "refresh/refreshpolicy.h"
#include "refresh/scheduler.h"
#include "support/manualclock.h"
#include "support/manualwaketimer.h"
#include "support/printers.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace tether;

class TestScheduler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneTimer_armedForTheEarliestDeadline();
    void batch_armsTheTimerOnce();
    void dueDeadlines_fireEarliestFirstAndAreRemoved();
    void offline_firesNothingAndCatchesUpWhenOnline();
    void wallClockJump_ofEightHours_firesOverdueAccounts();
    void wallClockJumps_ofADay_neitherStormNorForget_data();
    void wallClockJumps_ofADay_neitherStormNorForget();
    void scheduledRefresh_atThreeQuartersWithBoundedJitter_data();
    void scheduledRefresh_atThreeQuartersWithBoundedJitter();
    void backoff_fullJitterWithinDoublingBoundsAndCap();
    void retryAfter_isNeverShortened();
    void expiryWarnings_threeDaysAndOneDayBefore();
};

void TestScheduler::oneTimer_armedForTheEarliestDeadline()
{
    test::ManualClock clock;
    test::ManualWakeTimer timer;
    Scheduler scheduler(clock, &timer);
    for (int i = 0; i < 100; ++i)
        scheduler.schedule(QStringLiteral("refresh/a%1").arg(i), clock.nowUtc().addSecs(3600 + i));
    QCOMPARE(timer.deadline, clock.nowUtc().addSecs(3600));
    scheduler.unschedule(QStringLiteral("refresh/a0"));
    QCOMPARE(timer.deadline, clock.nowUtc().addSecs(3601));
    scheduler.schedule(QStringLiteral("refresh/a5"), clock.nowUtc().addSecs(10));
    QCOMPARE(timer.deadline, clock.nowUtc().addSecs(10));
    QCOMPARE(scheduler.size(), 99);
}

void TestScheduler::batch_armsTheTimerOnce()
{
    test::ManualClock clock;
    test::ManualWakeTimer timer;
    Scheduler scheduler(clock, &timer);
    {
        const Scheduler::Batch batch(scheduler);
        for (int i = 0; i < 1000; ++i)
            scheduler.schedule(QStringLiteral("refresh/a%1").arg(i),
                               clock.nowUtc().addSecs(3600 - i));
        QCOMPARE(timer.arms, 0);
    }
    QCOMPARE(timer.arms, 1);
    QCOMPARE(timer.deadline, clock.nowUtc().addSecs(2601));
}

void TestScheduler::dueDeadlines_fireEarliestFirstAndAreRemoved()
{
    test::ManualClock clock;
    test::ManualWakeTimer timer;
    Scheduler scheduler(clock, &timer);
    QSignalSpy due(&scheduler, &Scheduler::deadlinesDue);
    scheduler.schedule(QStringLiteral("b"), clock.nowUtc().addSecs(20));
    scheduler.schedule(QStringLiteral("a"), clock.nowUtc().addSecs(10));
    scheduler.schedule(QStringLiteral("c"), clock.nowUtc().addSecs(30));

    clock.advance(25);
    timer.fire();
    QCOMPARE(due.size(), 1);
    QCOMPARE(due.takeFirst().constFirst().toStringList(),
             (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    QCOMPARE(timer.deadline, clock.nowUtc().addSecs(5));
    QVERIFY(!scheduler.deadline(QStringLiteral("a")).isValid());

    timer.fire(); // early or spurious: nothing is due
    QCOMPARE(due.size(), 0);
}

void TestScheduler::offline_firesNothingAndCatchesUpWhenOnline()
{
    test::ManualClock clock;
    test::ManualWakeTimer timer;
    Scheduler scheduler(clock, &timer);
    QSignalSpy due(&scheduler, &Scheduler::deadlinesDue);
    scheduler.schedule(QStringLiteral("a"), clock.nowUtc().addSecs(10));
    scheduler.setPaused(true);
    QVERIFY(!timer.isArmed());
    clock.advance(600);
    scheduler.schedule(QStringLiteral("b"), clock.nowUtc().addSecs(-1));
    timer.fire();
    QCOMPARE(due.size(), 0);

    scheduler.setPaused(false);
    QCOMPARE(due.size(), 1);
    QCOMPARE(due.constFirst().constFirst().toStringList(),
             (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
}

void TestScheduler::wallClockJump_ofEightHours_firesOverdueAccounts()
{
    test::ManualClock clock;
    test::ManualWakeTimer timer;
    Scheduler scheduler(clock, &timer);
    QSignalSpy due(&scheduler, &Scheduler::deadlinesDue);
    scheduler.schedule(QStringLiteral("hourly"), clock.nowUtc().addSecs(2700));
    scheduler.schedule(QStringLiteral("daily"), clock.nowUtc().addSecs(64800));
    const int armsBefore = timer.arms;

    clock.jumpWallClock(8 * 3600); // a night of suspend: the monotonic clock did not move
    timer.clockChanged();
    QCOMPARE(due.size(), 1);
    QCOMPARE(due.constFirst().constFirst().toStringList(), QStringList{QStringLiteral("hourly")});
    QCOMPARE(timer.deadline, scheduler.deadline(QStringLiteral("daily")));
    QCOMPARE(timer.arms, armsBefore + 1); // re-armed once, no storm
}

void TestScheduler::wallClockJumps_ofADay_neitherStormNorForget_data()
{
    QTest::addColumn<qint64>("jump");
    QTest::addColumn<int>("fired");
    QTest::newRow("+1 day: every overdue account, once") << qint64(86400) << 50;
    QTest::newRow("-1 day: nothing is due, nothing forgotten") << qint64(-86400) << 0;
}

void TestScheduler::wallClockJumps_ofADay_neitherStormNorForget()
{
    QFETCH(qint64, jump);
    QFETCH(int, fired);
    test::ManualClock clock;
    test::ManualWakeTimer timer;
    Scheduler scheduler(clock, &timer);
    QStringList keys;
    for (int i = 0; i < 50; ++i) {
        keys << QStringLiteral("refresh/a%1").arg(i);
        scheduler.schedule(keys.last(), clock.nowUtc().addSecs(600 + i * 60));
    }
    QSignalSpy due(&scheduler, &Scheduler::deadlinesDue);
    clock.jumpWallClock(jump);
    const int armsBefore = timer.arms;
    timer.clockChanged();
    timer.clockChanged(); // the kernel may report twice; nothing fires twice
    int total = 0;
    for (const auto &signal : due)
        total += int(signal.constFirst().toStringList().size());
    QCOMPARE(total, fired);
    QCOMPARE(scheduler.size(), 50 - fired);
    QVERIFY(timer.arms - armsBefore <= 2);
    if (fired == 0)
        QCOMPARE(timer.deadline,
                 clock.nowUtc().addSecs(600 + 86400)); // the same instants, now a day away
}

void TestScheduler::scheduledRefresh_atThreeQuartersWithBoundedJitter_data()
{
    QTest::addColumn<qint64>("lifetime");
    QTest::addColumn<qint64>("plannedMs"); // without jitter
    QTest::addColumn<qint64>("spreadMs"); // the most jitter brings it forward
    QTest::newRow("30 s") << qint64(30) << qint64(22'500) << qint64(600);
    QTest::newRow("10 min") << qint64(600) << qint64(450'000) << qint64(12'000);
    QTest::newRow("1 h") << qint64(3600) << qint64(2'700'000) << qint64(15'000);
    QTest::newRow("24 h") << qint64(86400) << qint64(64'800'000) << qint64(15'000);
}

void TestScheduler::scheduledRefresh_atThreeQuartersWithBoundedJitter()
{
    QFETCH(qint64, lifetime);
    QFETCH(qint64, plannedMs);
    QFETCH(qint64, spreadMs);
    const QDateTime issued(QDate(2026, 3, 1), QTime(8, 0), QTimeZone::utc());
    const QDateTime expires = issued.addSecs(lifetime);
    QCOMPARE(issued.msecsTo(policy::scheduledRefresh(issued, expires, 0.0)), plannedMs);
    QCOMPARE(issued.msecsTo(policy::scheduledRefresh(issued, expires, 0.999999)),
             plannedMs - spreadMs + 1);
    const qint64 margin = std::min<qint64>(300'000, lifetime * 1000 / 4);
    for (double r : {0.0, 0.3, 0.7, 0.999}) {
        const QDateTime when = policy::scheduledRefresh(issued, expires, r);
        QVERIFY(when.msecsTo(expires) >= margin); // never later than the safety margin
        QVERIFY(when > issued);
    }
}

void TestScheduler::backoff_fullJitterWithinDoublingBoundsAndCap()
{
    const QList<qint64> ceilings{5'000,   10'000,  20'000,  40'000,  80'000,
                                 160'000, 320'000, 640'000, 900'000, 900'000};
    for (int failures = 1; failures <= ceilings.size(); ++failures) {
        QCOMPARE(policy::retryDelayMs(failures, std::nullopt, 0.999999),
                 ceilings.at(failures - 1) - 1);
        QCOMPARE(policy::retryDelayMs(failures, std::nullopt, 0.0),
                 qint64(1000)); // at least a second
        const qint64 middle = policy::retryDelayMs(failures, std::nullopt, 0.5);
        QVERIFY(middle >= 1000 && middle <= ceilings.at(failures - 1));
    }
    QCOMPARE(policy::retryDelayMs(50, std::nullopt, 0.999999), qint64(899'999));
}

void TestScheduler::retryAfter_isNeverShortened()
{
    QCOMPARE(policy::retryDelayMs(1, 120, 0.0), qint64(120'000));
    QCOMPARE(policy::retryDelayMs(7, 120, 0.999), qint64(120'999));
    QCOMPARE(policy::retryDelayMs(1, 0, 0.5), qint64(500));
}

void TestScheduler::expiryWarnings_threeDaysAndOneDayBefore()
{
    const QDateTime now(QDate(2026, 3, 1), QTime(8, 0), QTimeZone::utc());
    const QDateTime expiry = now.addDays(14);
    QCOMPARE(policy::expiryWarnings(expiry, now),
             (QList<QDateTime>{now.addDays(11), now.addDays(13)}));
    QCOMPARE(policy::expiryWarnings(now.addDays(2), now), (QList<QDateTime>{now.addDays(1)}));
    QVERIFY(policy::expiryWarnings(QDateTime(), now).isEmpty());
}

QTEST_GUILESS_MAIN(TestScheduler)
#include "tst_scheduler.moc"
