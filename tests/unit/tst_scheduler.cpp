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

QTEST_GUILESS_MAIN(TestScheduler)
#include "tst_scheduler.moc"
