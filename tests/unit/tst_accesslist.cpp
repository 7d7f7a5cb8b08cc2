#include "accounts/accesslist.h"
#include "system/processinfo.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <unistd.h>

using namespace tether;

// Which programs may take which account's token: decisions kept on the disk, seen by every
// process that reads the file, and the way a caller's process is named in them.
class TestAccessList : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void decide_isRememberedByAnotherReader();
    void decide_replacesTheEarlierDecision_andForgetRemovesIt();
    void forgetAccount_removesOnlyThatAccount();
    void used_isWrittenOnFlush_notBefore();
    void damagedFile_decidesNothing();
    void checkProgram_data();
    void checkProgram();
    void stat_parsesParentAndTerminal_pastACommandWithParentheses();
    void flatpakInfo_namesTheApplication();
    void programOf_ownProcess();

private:
    QString path() const { return m_dir->filePath(QStringLiteral("access.json")); }
    const QDateTime m_now = QDateTime(QDate(2026, 12, 6), QTime(12, 0), QTimeZone::utc());
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestAccessList::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestAccessList::decide_isRememberedByAnotherReader()
{
    AccessList writer(path());
    AccessList reader(path());
    QCOMPARE(reader.verdict(QStringLiteral("a"), QStringLiteral("/usr/bin/msmtp")), std::nullopt);
    QVERIFY(!writer.decide(QStringLiteral("a"), QStringLiteral("/usr/bin/msmtp"),
                           AccessDecision::Verdict::Allow, QStringLiteral("why"), m_now));
    QCOMPARE(reader.verdict(QStringLiteral("a"), QStringLiteral("/usr/bin/msmtp")),
             AccessDecision::Verdict::Allow);
    QCOMPARE(reader.verdict(QStringLiteral("b"), QStringLiteral("/usr/bin/msmtp")), std::nullopt);
    const QList<AccessDecision> all = reader.decisions(QStringLiteral("a"));
    QCOMPARE(all.size(), 1);
    QCOMPARE(all.first().decidedAt, m_now);
    QCOMPARE(all.first().reason, QStringLiteral("why"));
    QVERIFY(QFile(path()).permissions() & QFile::ReadOwner);
    QVERIFY(!(QFile(path()).permissions() & QFile::ReadOther));
}

void TestAccessList::decide_replacesTheEarlierDecision_andForgetRemovesIt()
{
    AccessList list(path());
    const QString program = QStringLiteral("org.example.App");
    QVERIFY(!list.decide(QStringLiteral("a"), program, AccessDecision::Verdict::Allow, {}, m_now));
    QVERIFY(!list.decide(QStringLiteral("a"), program, AccessDecision::Verdict::Deny, {}, m_now));
    QCOMPARE(list.decisions().size(), 1);
    QCOMPARE(list.verdict(QStringLiteral("a"), program), AccessDecision::Verdict::Deny);
    QVERIFY(!list.decide(QStringLiteral("a"), program, std::nullopt, {}, m_now));
    QCOMPARE(list.verdict(QStringLiteral("a"), program), std::nullopt);
    QVERIFY(list.decisions().isEmpty());
}

void TestAccessList::forgetAccount_removesOnlyThatAccount()
{
    AccessList list(path());
    QVERIFY(!list.decide(QStringLiteral("a"), QStringLiteral("/bin/x"),
                         AccessDecision::Verdict::Allow, {}, m_now));
    QVERIFY(!list.decide(QStringLiteral("b"), QStringLiteral("/bin/x"),
                         AccessDecision::Verdict::Allow, {}, m_now));
    QVERIFY(!list.forgetAccount(QStringLiteral("a")));
    QCOMPARE(AccessList(path()).decisions().size(), 1);
    QCOMPARE(AccessList(path()).decisions().first().account, QStringLiteral("b"));
}

void TestAccessList::used_isWrittenOnFlush_notBefore()
{
    AccessList list(path());
    QVERIFY(!list.decide(QStringLiteral("a"), QStringLiteral("/bin/x"),
                         AccessDecision::Verdict::Allow, {}, m_now));
    const QDateTime later = m_now.addSecs(90);
    list.used(QStringLiteral("a"), QStringLiteral("/bin/x"), later);
    QCOMPARE(list.decisions().first().lastUsedAt, later); // seen here at once
    QVERIFY(!AccessList(path()).decisions().first().lastUsedAt.isValid()); // not yet on the disk
    QVERIFY(list.hasUnsavedUse());
    QVERIFY(!list.flush());
    QVERIFY(!list.hasUnsavedUse());
    QCOMPARE(AccessList(path()).decisions().first().lastUsedAt, later);
}

void TestAccessList::damagedFile_decidesNothing()
{
    QFile file(path());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"decisions":[{"account":"a","program":"/bin/x","decision":"maybe"},)"
               R"({"account":"a","program":"/bin/y","decision":"allow"}, 7]})");
    file.close();
    AccessList list(path());
    QCOMPARE(list.verdict(QStringLiteral("a"), QStringLiteral("/bin/x")), std::nullopt);
    QCOMPARE(list.verdict(QStringLiteral("a"), QStringLiteral("/bin/y")),
             AccessDecision::Verdict::Allow);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("not json at all");
    file.close();
    QVERIFY(list.decisions().isEmpty());
}

void TestAccessList::checkProgram_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<bool>("good");
    QTest::newRow("path") << QStringLiteral("/usr/bin/msmtp") << true;
    QTest::newRow("flatpak id") << QStringLiteral("org.mozilla.Thunderbird") << true;
    QTest::newRow("two parts") << QStringLiteral("org.mozilla") << false;
    QTest::newRow("bare name") << QStringLiteral("msmtp") << false;
    QTest::newRow("relative") << QStringLiteral("bin/msmtp") << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("escape") << QStringLiteral("/usr/bin/\x1b[2Jx") << false;
    QTest::newRow("bidi") << QStringLiteral("/usr/bin/a\u202Eb") << false;
    QTest::newRow("long") << (QStringLiteral("/") + QString(5000, QLatin1Char('a'))) << false;
}

void TestAccessList::checkProgram()
{
    QFETCH(QString, program);
    QFETCH(bool, good);
    const auto failure = AccessList::checkProgram(program);
    QCOMPARE(!failure, good);
    if (failure)
        QCOMPARE(failure->kind, FailureKind::BadInput);
}

void TestAccessList::stat_parsesParentAndTerminal_pastACommandWithParentheses()
{
    const QByteArray stat = "4242 (evil) 1 2 (x) S 77 4242 4242 34816 4242 4194304";
    QCOMPARE(statParent(stat), 77u);
    QVERIFY(statHasTerminal(stat));
    const QByteArray daemon = "10 (msmtp) S 1 10 10 0 -1 4194304";
    QCOMPARE(statParent(daemon), 1u);
    QVERIFY(!statHasTerminal(daemon));
    QCOMPARE(statParent("garbage"), 0u);
}

void TestAccessList::flatpakInfo_namesTheApplication()
{
    QCOMPARE(flatpakAppId("[Application]\nname=org.example.App\nruntime=x\n"),
             QStringLiteral("org.example.App"));
    QCOMPARE(flatpakAppId("[Instance]\nname=not.this.One\n"), QString());
    QCOMPARE(flatpakAppId(""), QString());
    QVERIFY(isShell(QStringLiteral("/usr/bin/dash")));
    QVERIFY(!isShell(QStringLiteral("/usr/bin/msmtp")));
}

void TestAccessList::programOf_ownProcess()
{
    const ProcessInfo self = readProcess(quint32(::getpid()));
    QVERIFY(!self.executable.isEmpty());
    QVERIFY(self.parent > 0);
    // Another program than Tether is named by its own executable.
    QCOMPARE(programOf(self, QStringLiteral("/nonexistent/tether")), self.executable);
    // Tether run without a terminal by another program is named by that program.
    ProcessInfo asTether = self;
    asTether.terminal = false;
    const QString parentExecutable = readProcess(self.parent).executable;
    if (!parentExecutable.isEmpty() && !isShell(parentExecutable))
        QCOMPARE(programOf(asTether, self.executable), parentExecutable);
    // With a terminal, it is the user's own command: named as itself.
    asTether.terminal = true;
    QCOMPARE(programOf(asTether, self.executable), self.executable);
}

QTEST_GUILESS_MAIN(TestAccessList)
#include "tst_accesslist.moc"
