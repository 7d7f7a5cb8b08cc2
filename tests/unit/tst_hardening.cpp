#include "system/hardening.h"

#include <QTest>

#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace tether;

// The process that holds tokens: not dumpable (no ptrace, no /proc/PID/mem for the same user),
// no core file.
class TestHardening : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hardened_isNotDumpableAndLeavesNoCore();
};

void TestHardening::hardened_isNotDumpableAndLeavesNoCore()
{
    // In a child, so that this test process stays as it was.
    const pid_t child = ::fork();
    QVERIFY(child >= 0);
    if (child == 0) {
        const bool ok = hardenProcess();
        rlimit core{};
        ::getrlimit(RLIMIT_CORE, &core);
        const bool dumpable = ::prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) != 0;
        ::_exit(ok && !dumpable && core.rlim_cur == 0 && core.rlim_max == 0 ? 0 : 1);
    }
    int status = 0;
    QCOMPARE(::waitpid(child, &status, 0), child);
    QVERIFY(WIFEXITED(status));
    QCOMPARE(WEXITSTATUS(status), 0);
    QVERIFY(::prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) != 0); // the test itself is untouched
}

QTEST_GUILESS_MAIN(TestHardening)
#include "tst_hardening.moc"
