#include "core/translations.h"
#include "providers/providercatalog.h"
#include "support/manualclock.h"
#include "support/printers.h"
#include "ui/accountdelegate.h"
#include "ui/accountlistmodel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QFontMetrics>
#include <QSignalSpy>
#include <QTest>

#include <cmath>

using namespace tether;

namespace {

Account account(const QString &id, AccountState state, const QDateTime &issued, qint64 lifetime,
                const QString &provider = QStringLiteral("wise"))
{
    Account a;
    a.config.id = id;
    a.config.name = id.toUpper();
    a.config.provider = provider;
    a.status.state = state;
    if (lifetime > 0) {
        a.status.hasTokens = true;
        a.status.hasRefreshToken = true;
        a.status.accessIssuedAt = issued;
        a.status.accessExpiresAt = issued.addSecs(lifetime);
    }
    return a;
}

} // namespace

class TestAccountListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { installTranslations(*QCoreApplication::instance()); }
    void model_passesTheModelTester();
    void countdown_textAndBarAtChosenInstants_data();
    void countdown_textAndBarAtChosenInstants();
    void stateText_namesWhatIsHappening();
    void refreshSummary_followsTheProfile();
    void tick_touchesOnlyTheGivenRowsAndTimeRoles();
    void stateColours_readableOnLightAndDarkPalettes();
    void narrowRow_saysLessRatherThanCuttingTheStart();

private:
    ProviderCatalog m_catalog = ProviderCatalog::fromDirectories({QStringLiteral(":/providers")});
};

void TestAccountListModel::model_passesTheModelTester()
{
    test::ManualClock clock;
    AccountListModel model(clock, m_catalog);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QDateTime now = clock.nowUtc();
    model.setAccounts({account(QStringLiteral("a"), AccountState::Connected, now, 3600),
                       account(QStringLiteral("b"), AccountState::Retrying, now, 600),
                       account(QStringLiteral("c"), AccountState::NotConnected, now, 0)});
    QCOMPARE(model.rowCount(), 3);
    model.setAccounts({account(QStringLiteral("c"), AccountState::Connected, now, 60),
                       account(QStringLiteral("a"), AccountState::NeedsReconnect, now, 0),
                       account(QStringLiteral("d"), AccountState::Connected, now, 60)});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.rowOf(QStringLiteral("b")), -1);
    QCOMPARE(model.index(model.rowOf(QStringLiteral("a")))
                     .data(AccountListModel::NeedsReconnectRole)
                     .toBool(),
             true);
    model.setAccounts({});
    QCOMPARE(model.rowCount(), 0);
}

void TestAccountListModel::countdown_textAndBarAtChosenInstants_data()
{
    QTest::addColumn<qint64>("elapsed");
    QTest::addColumn<QString>("text");
    QTest::addColumn<double>("fraction");
    QTest::newRow("just issued") << qint64(0) << "expires in 1:00:00" << 1.0;
    QTest::newRow("17 min 47 s later")
            << qint64(1067) << "expires in 42:13" << (3600.0 - 1067) / 3600;
    QTest::newRow("last minute") << qint64(3599) << "expires in 0:01" << 1.0 / 3600;
    QTest::newRow("expired") << qint64(4000) << "access token expired" << 0.0;
}

void TestAccountListModel::countdown_textAndBarAtChosenInstants()
{
    QFETCH(qint64, elapsed);
    QFETCH(double, fraction);
    test::ManualClock clock;
    AccountListModel model(clock, m_catalog);
    model.setAccounts(
            {account(QStringLiteral("a"), AccountState::Connected, clock.nowUtc(), 3600)});
    clock.advance(elapsed);
    const QModelIndex index = model.index(0);
    QTEST(index.data(AccountListModel::CountdownTextRole).toString(), "text");
    QVERIFY(qAbs(index.data(AccountListModel::AccessFractionRole).toDouble() - fraction) < 1e-9);
}

void TestAccountListModel::stateText_namesWhatIsHappening()
{
    test::ManualClock clock;
    AccountListModel model(clock, m_catalog);
    Account retrying = account(QStringLiteral("r"), AccountState::Retrying, clock.nowUtc(), 600);
    retrying.status.nextRefreshAt = clock.nowUtc().addSecs(40);
    Account broken = account(QStringLiteral("b"), AccountState::Connected, clock.nowUtc(), 600);
    broken.status.lastError = Failure::configuration(QStringLiteral("invalid_client"),
                                                     QStringLiteral("check the client"), 401);
    model.setAccounts(
            {retrying,
             account(QStringLiteral("n"), AccountState::NeedsReconnect, clock.nowUtc(), 0),
             account(QStringLiteral("f"), AccountState::Refreshing, clock.nowUtc(), 60), broken});
    QCOMPARE(model.index(0).data(AccountListModel::StateTextRole).toString(),
             QStringLiteral("retrying in 40s"));
    // When the retry comes is said once, by the state, not again as "next in 40s".
    QVERIFY2(!model.index(0).data(AccountListModel::TimesTextRole).toString().contains(u"40s"),
             qPrintable(model.index(0).data(AccountListModel::TimesTextRole).toString()));
    QCOMPARE(model.index(1).data(AccountListModel::StateTextRole).toString(),
             QStringLiteral("needs reconnect"));
    QCOMPARE(model.index(1).data(AccountListModel::CountdownTextRole).toString(),
             QStringLiteral("no access token"));
    QCOMPARE(model.index(1).data(AccountListModel::AccessFractionRole).toDouble(), -1.0);
    QCOMPARE(model.index(2).data(AccountListModel::StateTextRole).toString(),
             QStringLiteral("refreshing…"));
    QCOMPARE(model.index(3).data(AccountListModel::StateTextRole).toString(),
             QStringLiteral("needs attention"));
    QCOMPARE(model.index(3).data(AccountListModel::LastErrorRole).toString(),
             QStringLiteral("check the client"));
}

void TestAccountListModel::refreshSummary_followsTheProfile()
{
    test::ManualClock clock;
    AccountListModel model(clock, m_catalog);
    Account aiia = account(QStringLiteral("a"), AccountState::Connected, clock.nowUtc(), 3600,
                           QStringLiteral("aiia"));
    aiia.status.refreshExpiresAt = clock.nowUtc().addDays(13);
    Account pagero = account(QStringLiteral("p"), AccountState::Connected, clock.nowUtc(), 600,
                             QStringLiteral("pagero"));
    pagero.status.refreshExpiresAt = clock.nowUtc().addSecs(94608000);
    Account soon = account(QStringLiteral("s"), AccountState::Connected, clock.nowUtc(), 60,
                           QStringLiteral("aiia"));
    soon.status.refreshExpiresAt = clock.nowUtc().addSecs(161);
    model.setAccounts({aiia, pagero,
                       account(QStringLiteral("e"), AccountState::Connected, clock.nowUtc(), 60,
                               QStringLiteral("edgetag")),
                       soon});
    QCOMPARE(model.index(0).data(AccountListModel::RefreshSummaryRole).toString(),
             QStringLiteral("refresh token: 13 days left"));
    QCOMPARE(model.index(1).data(AccountListModel::RefreshSummaryRole).toString(),
             QStringLiteral("refresh token: rolling, 3 years from each refresh"));
    QCOMPARE(model.index(2).data(AccountListModel::RefreshSummaryRole).toString(),
             QStringLiteral("refresh token: no known expiry"));
    QCOMPARE(model.index(3).data(AccountListModel::RefreshSummaryRole).toString(),
             QStringLiteral("refresh token expires in 2:41"));
}

void TestAccountListModel::tick_touchesOnlyTheGivenRowsAndTimeRoles()
{
    test::ManualClock clock;
    AccountListModel model(clock, m_catalog);
    QList<Account> accounts;
    for (int i = 0; i < 10; ++i)
        accounts << account(QStringLiteral("a%1").arg(i), AccountState::Connected, clock.nowUtc(),
                            3600);
    model.setAccounts(accounts);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.refreshCountdowns(2, 4);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.constFirst().at(0).toModelIndex().row(), 2);
    QCOMPARE(changed.constFirst().at(1).toModelIndex().row(), 4);
    const auto roles = changed.constFirst().at(2).value<QList<int>>();
    QVERIFY(roles.contains(AccountListModel::CountdownTextRole));
    QVERIFY(!roles.contains(Qt::DisplayRole));
    model.refreshCountdowns(12, 20); // off the end: nothing
    QCOMPARE(changed.size(), 1);
}

namespace {

double luminance(const QColor &c)
{
    auto channel = [](double v) {
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    const double x = luminance(a), y = luminance(b);
    return (std::max(x, y) + 0.05) / (std::min(x, y) + 0.05);
}

QColor over(const QColor &top, double alpha, const QColor &bottom)
{
    return QColor::fromRgbF(float(top.redF() * alpha + bottom.redF() * (1 - alpha)),
                            float(top.greenF() * alpha + bottom.greenF() * (1 - alpha)),
                            float(top.blueF() * alpha + bottom.blueF() * (1 - alpha)));
}

} // namespace

void TestAccountListModel::stateColours_readableOnLightAndDarkPalettes()
{
    // A light palette (white rows, as Fusion and Breeze) and two dark ones (Breeze Dark,
    // Adwaita-dark's list backgrounds): state text on the row and on its chip's tint.
    for (const char *base : {"#ffffff", "#f0f0f0", "#1e1e1e", "#2d2d2d"}) {
        QPalette palette;
        palette.setColor(QPalette::Base, QColor(base));
        for (AccountState state : {AccountState::Connected, AccountState::Refreshing,
                                   AccountState::Retrying, AccountState::NeedsReconnect}) {
            for (bool attention : {false, true}) {
                const QColor text = AccountDelegate::stateColor(state, attention, palette);
                const QColor chip = over(text, AccountDelegate::kChipTint, QColor(base));
                QVERIFY2(contrast(text, QColor(base)) >= 4.5,
                         qPrintable(QStringLiteral("%1 on %2: %3")
                                            .arg(text.name(), QLatin1String(base))
                                            .arg(contrast(text, QColor(base)))));
                QVERIFY2(contrast(text, chip) >= 4.5,
                         qPrintable(QStringLiteral("%1 on its chip over %2: %3")
                                            .arg(text.name(), QLatin1String(base))
                                            .arg(contrast(text, chip))));
            }
        }
    }
}

void TestAccountListModel::narrowRow_saysLessRatherThanCuttingTheStart()
{
    test::ManualClock clock;
    AccountListModel model(clock, m_catalog);
    Account a = account(QStringLiteral("e"), AccountState::Connected, clock.nowUtc(), 600);
    a.status.hasRefreshToken = true;
    a.status.refreshExpiresAt = clock.nowUtc().addSecs(172);
    model.setAccounts({a});
    const QString full = model.index(0).data(AccountListModel::RefreshSummaryRole).toString();
    const QString brief = model.index(0).data(AccountListModel::RefreshShortRole).toString();
    QCOMPARE(full, QStringLiteral("refresh token expires in 2:52"));
    QCOMPARE(brief, QStringLiteral("refresh: 2:52"));
    const QFontMetrics metrics(QApplication::font());
    QCOMPARE(AccountDelegate::fitted(metrics, full, brief, metrics.horizontalAdvance(full)), full);
    const QString narrow =
            AccountDelegate::fitted(metrics, full, brief, metrics.horizontalAdvance(full) - 10);
    QCOMPARE(narrow, brief); // the whole of the brief form, not "…h token expires in 2:52"
    const QString tiny = AccountDelegate::fitted(
            metrics, full, brief, metrics.horizontalAdvance(QStringLiteral("refr…")));
    QVERIFY2(tiny.startsWith(QStringLiteral("re")), qPrintable(tiny));
}

QTEST_MAIN(TestAccountListModel)
#include "tst_accountlistmodel.moc"
