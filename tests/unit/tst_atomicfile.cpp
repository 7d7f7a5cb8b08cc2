#include "core/atomicfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace tether;

// A file replaced all at once: new contents or the old ones, never half of either, never an
// empty file, and no scratch file left behind; private (0600) unless told otherwise.
class TestAtomicFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void replaces_theWholeContent_privately();
    void aMissingFolder_isAnError_andCreatesNothing();
    void aRenameThatFails_leavesTheTargetAndNoScratch();

private:
    static QByteArray read(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
    }
};

void TestAtomicFile::replaces_theWholeContent_privately()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("accounts.json"));
    QCOMPARE(writeFileAtomically(path, "first version, longer than the second"), QString());
    QCOMPARE(writeFileAtomically(path, "second"), QString());
    QCOMPARE(read(path), QByteArray("second"));
    QCOMPARE(QFile::permissions(path) & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteOther),
             QFile::Permissions());
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
             QStringList{QStringLiteral("accounts.json")});
    QCOMPARE(writeFileAtomically(dir.filePath(QStringLiteral("shared")), "x", 0644), QString());
    QVERIFY(QFile::permissions(dir.filePath(QStringLiteral("shared"))) & QFile::ReadOther);
}

void TestAtomicFile::aMissingFolder_isAnError_andCreatesNothing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("gone/accounts.json"));
    QVERIFY(!writeFileAtomically(path, "new").isEmpty());
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList());
}

void TestAtomicFile::aRenameThatFails_leavesTheTargetAndNoScratch()
{
    QTemporaryDir dir;
    // The target is a folder: the scratch file is written, the rename over it fails (for root
    // too); what was there stays, and the scratch file goes. (A full disk: test_disk.py.)
    const QString path = dir.filePath(QStringLiteral("target"));
    QVERIFY(QDir().mkpath(path + QStringLiteral("/inside")));
    QVERIFY(!writeFileAtomically(path, "new").isEmpty());
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList());
    QVERIFY(QFileInfo(path).isDir());
}

QTEST_GUILESS_MAIN(TestAtomicFile)
#include "tst_atomicfile.moc"
