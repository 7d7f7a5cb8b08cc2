#include "core/text.h"

#include <QTest>

using namespace tether;

// Server text made safe to show, and the RFC 6750 token check.
class TestText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fromServer_dropsControlAndFormatCharacters_data();
    void fromServer_dropsControlAndFormatCharacters();
    void fromServer_capsTheLength();
    void forTerminal_keepsTextButNothingThatActsOnTheTerminal();
    void b64token_acceptsExactlyRfc6750_data();
    void b64token_acceptsExactlyRfc6750();
};

void TestText::fromServer_dropsControlAndFormatCharacters_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("shown");
    QTest::newRow("plain") << "the grant was revoked"
                           << "the grant was revoked";
    QTest::newRow("terminal escape") << QStringLiteral("red\x1b[31m text") << "red[31m text";
    QTest::newRow("CR LF becomes a space") << QStringLiteral("one\r\ntwo") << "one two";
    QTest::newRow("tab and runs of spaces") << QStringLiteral("a\t  b") << "a b";
    QTest::newRow("NUL and DEL") << QString(QStringLiteral("a") + QChar(0) + QChar(0x7f)
                                            + QLatin1Char('b'))
                                 << "ab";
    QTest::newRow("C1 control") << QString(QStringLiteral("a") + QChar(0x9b) + QLatin1Char('b'))
                                << "ab";
    QTest::newRow("bidi override")
            << QString(QStringLiteral("evil") + QChar(0x202e) + QStringLiteral("txt")) << "eviltxt";
    QTest::newRow("leading and trailing space") << "  padded  "
                                                << "padded";
    QTest::newRow("umlauts stay") << QStringLiteral("Zugriff verweigert: Schlüssel ungültig")
                                  << QStringLiteral("Zugriff verweigert: Schlüssel ungültig");
}

void TestText::fromServer_dropsControlAndFormatCharacters()
{
    QFETCH(QString, text);
    QTEST(text::fromServer(text), "shown");
}

void TestText::fromServer_capsTheLength()
{
    const QString shown = text::fromServer(QString(500, QLatin1Char('x')), 200);
    QCOMPARE(shown.size(), 201);
    QVERIFY(shown.endsWith(QChar(0x2026)));
    QCOMPARE(text::fromServer(QString(200, QLatin1Char('x')), 200).size(), 200);
}

void TestText::forTerminal_keepsTextButNothingThatActsOnTheTerminal()
{
    // An account name as `tether status` prints it: a title escape, clear screen, a
    // right-to-left override; line breaks, tabs and letters of any script stay.
    const QString name = QStringLiteral("Bank\x1b]0;owned\x07\x1b[2J\u202eKonto Müller\tx\ny\x9b");
    QCOMPARE(text::forTerminal(name), QStringLiteral("Bank]0;owned[2JKonto Müller\tx\ny"));
}

void TestText::b64token_acceptsExactlyRfc6750_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<bool>("valid");
    QTest::newRow("opaque") << "6rmX5dg6iiizuIcNHb8VIOcoCVWrDdl5PWtzQ_lNubc" << true;
    QTest::newRow("jwt") << "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ1In0.c2ln" << true;
    QTest::newRow("all punctuation") << "a-._~+/b" << true;
    QTest::newRow("padding") << "YWJj==" << true;
    QTest::newRow("pagero") << "_1A2B3C4D_0123456789abcdef" << true;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("only padding") << "==" << false;
    QTest::newRow("padding inside") << "ab=c" << false;
    QTest::newRow("space") << "a b" << false;
    QTest::newRow("CR LF") << "AT\r\nX-Injected: yes" << false;
    QTest::newRow("NUL") << QString(QStringLiteral("a") + QChar(0) + QLatin1Char('b')) << false;
    QTest::newRow("escape") << QStringLiteral("RT\x1b[2J") << false;
    QTest::newRow("quote") << "a\"b" << false;
    QTest::newRow("non-ASCII") << QStringLiteral("tökén") << false;
}

void TestText::b64token_acceptsExactlyRfc6750()
{
    QFETCH(QString, token);
    QTEST(text::isB64Token(token), "valid");
}

QTEST_GUILESS_MAIN(TestText)
#include "tst_text.moc"
