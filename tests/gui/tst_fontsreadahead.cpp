#include "ui/guiapp.h"

#include <QApplication>
#include <QLabel>
#include <QLoggingCategory>
#include <QMutex>
#include <QTest>
#include <QThread>

using namespace tether;

namespace {

// Where Qt registered the system's fonts: it logs each one it adds to its database
// (qt.text.font.db), from the thread that reads them.
struct FontsAdded
{
    QMutex mutex;
    int onTheMainThread = 0;
    int elsewhere = 0;
};
FontsAdded fontsAdded;
QtMessageHandler previousHandler = nullptr;

void recordFontsAdded(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (qstrcmp(context.category, "qt.text.font.db") == 0) {
        if (message.startsWith(QLatin1String("Adding font"))) {
            const bool main = QThread::currentThread() == QCoreApplication::instance()->thread();
            QMutexLocker locker(&fontsAdded.mutex);
            ++(main ? fontsAdded.onTheMainThread : fontsAdded.elsewhere);
        }
        return;
    }
    previousHandler(type, context, message);
}

} // namespace

// The window's start reads the system's fonts on a thread of its own, while it builds the rest.
class TestFontsReadAhead : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void theFonts_areReadOnAThreadOfTheirOwn_beforeTheFirstText();
};

void TestFontsReadAhead::initTestCase()
{
    previousHandler = qInstallMessageHandler(recordFontsAdded);
    QLoggingCategory::setFilterRules(QStringLiteral("qt.text.font.db.debug=true"));
}

void TestFontsReadAhead::theFonts_areReadOnAThreadOfTheirOwn_beforeTheFirstText()
{
    {
        const FontsReadAhead fonts; // its destructor waits for the thread
    }
    {
        QMutexLocker locker(&fontsAdded.mutex);
        QVERIFY2(fontsAdded.elsewhere > 0, "no font was read on another thread");
        QCOMPARE(fontsAdded.onTheMainThread, 0);
    }
    const int read = fontsAdded.elsewhere;

    // The first text the window draws finds them read: none is added again.
    QLabel label(QStringLiteral("Tether"));
    label.show();
    QVERIFY(QTest::qWaitForWindowExposed(&label));
    QVERIFY(!label.grab().isNull());
    QMutexLocker locker(&fontsAdded.mutex);
    QCOMPARE(fontsAdded.onTheMainThread, 0);
    QCOMPARE(fontsAdded.elsewhere, read);
}

QTEST_MAIN(TestFontsReadAhead)
#include "tst_fontsreadahead.moc"
