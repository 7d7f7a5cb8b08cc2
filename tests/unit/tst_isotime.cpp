#include "core/isotime.h"

#include <QTest>
#include <QTimeZone>

using namespace tether;

// The fast ISO 8601 writer and reader: the same text as Qt's for what Tether writes, Qt's
// reading for everything else.
class TestIsoTime : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void write_isQtsIsoDateInUtc_data();
    void write_isQtsIsoDateInUtc();
    void read_data();
    void read();
};

void TestIsoTime::write_isQtsIsoDateInUtc_data()
{
    QTest::addColumn<QDateTime>("instant");
    QTest::newRow("utc") << QDateTime(QDate(2026, 11, 22), QTime(5, 52, 7), Qt::UTC);
    QTest::newRow("milliseconds dropped")
            << QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 678), Qt::UTC);
    QTest::newRow("offset, written in utc")
            << QDateTime(QDate(2026, 6, 30), QTime(23, 59, 59), QTimeZone(7200));
    QTest::newRow("year 1") << QDateTime(QDate(1, 1, 1), QTime(0, 0), Qt::UTC);
    QTest::newRow("year 10000") << QDateTime(QDate(10000, 1, 1), QTime(0, 0), Qt::UTC);
}

void TestIsoTime::write_isQtsIsoDateInUtc()
{
    QFETCH(QDateTime, instant);
    QCOMPARE(isotime::write(instant), instant.toUTC().toString(Qt::ISODate));
}

void TestIsoTime::read_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("expected");
    const QDateTime t(QDate(2026, 11, 22), QTime(5, 52, 7), Qt::UTC);
    QTest::newRow("written form") << "2026-11-22T05:52:07Z" << t;
    QTest::newRow("offset") << "2026-11-22T07:52:07+02:00" << t;
    QTest::newRow("milliseconds") << "2026-11-22T05:52:07.000Z" << t;
    QTest::newRow("empty") << "" << QDateTime();
    QTest::newRow("month 13") << "2026-13-22T05:52:07Z" << QDateTime();
    QTest::newRow("letters") << "2026-1x-22T05:52:07Z" << QDateTime();
    QTest::newRow("garbage") << "yesterday" << QDateTime();
}

void TestIsoTime::read()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, expected);
    const QDateTime t = isotime::read(text);
    QCOMPARE(t.isValid(), expected.isValid());
    if (expected.isValid()) {
        QCOMPARE(t, expected);
        QCOMPARE(t.timeSpec(), Qt::UTC);
    }
}

QTEST_GUILESS_MAIN(TestIsoTime)
#include "tst_isotime.moc"
