#include "core/filelock.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

using namespace tether;

// The lock under the account, registry and sign-in locks: a holder that dies at any instant lets
// go of it, and nothing else does.
class TestFileLock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void secondHolder_isBusy_untilTheFirstUnlocks();
    void holderKilled_leavesNoStaleLock();
    void leftoverFile_isNotALock();
    void child_doesNotInheritTheLock();
    void unwritableDirectory_fails();

private:
    QString path() const { return m_dir.filePath(QStringLiteral("acct.lock")); }
    QTemporaryDir m_dir;
};

void TestFileLock::init()
{
    QFile::remove(path());
}

void TestFileLock::secondHolder_isBusy_untilTheFirstUnlocks()
{
    FileLock first(path());
    FileLock second(path());
    QCOMPARE(first.tryLock(), FileLock::Result::Acquired);
    QVERIFY(first.isLocked());
    QCOMPARE(second.tryLock(), FileLock::Result::Busy);
    QVERIFY(FileLock::isHeld(path()));
    first.unlock();
    QVERIFY(!FileLock::isHeld(path()));
    QCOMPARE(second.tryLock(), FileLock::Result::Acquired);
}

void TestFileLock::holderKilled_leavesNoStaleLock()
{
    int ready[2];
    QVERIFY(::pipe(ready) == 0);
    const pid_t child = ::fork();
    QVERIFY(child >= 0);
    if (child == 0) {
        FileLock held(path());
        const char byte = held.tryLock() == FileLock::Result::Acquired ? 1 : 0;
        [[maybe_unused]] const auto written = ::write(ready[1], &byte, 1);
        ::pause();
        ::_exit(0);
    }
    char byte = 0;
    QCOMPARE(::read(ready[0], &byte, 1), ssize_t(1));
    QCOMPARE(byte, char(1));
    QVERIFY(FileLock::isHeld(path()));
    ::kill(child, SIGKILL);
    ::waitpid(child, nullptr, 0);
    FileLock next(path());
    QCOMPARE(next.tryLock(), FileLock::Result::Acquired);
    ::close(ready[0]);
    ::close(ready[1]);
}

void TestFileLock::leftoverFile_isNotALock()
{
    // What QLockFile left when its holder was killed between creating the file and writing its
    // PID: an empty file, which it then took for a live lock for ever.
    QFile leftover(path());
    QVERIFY(leftover.open(QIODevice::WriteOnly));
    leftover.close();
    FileLock lock(path());
    QCOMPARE(lock.tryLock(), FileLock::Result::Acquired);
}

void TestFileLock::child_doesNotInheritTheLock()
{
    FileLock lock(path());
    QCOMPARE(lock.tryLock(), FileLock::Result::Acquired);
    QProcess child; // a browser started during a sign-in, say
    child.start(QStringLiteral("sleep"), {QStringLiteral("30")});
    QVERIFY(child.waitForStarted());
    lock.unlock();
    FileLock next(path());
    QCOMPARE(next.tryLock(), FileLock::Result::Acquired);
    child.kill();
    child.waitForFinished();
}

void TestFileLock::unwritableDirectory_fails()
{
    // No such directory (a runtime directory that could not be made): not "busy", which would
    // send the caller waiting for a holder that does not exist.
    FileLock lock(m_dir.filePath(QStringLiteral("missing/acct.lock")));
    QCOMPARE(lock.tryLock(), FileLock::Result::Failed);
    QVERIFY(!FileLock::isHeld(lock.path()));
}

QTEST_GUILESS_MAIN(TestFileLock)
#include "tst_filelock.moc"
