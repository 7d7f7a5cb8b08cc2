#include "ui/lazyiconstyle.h"

#include <QApplication>
#include <QFile>
#include <QHash>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenuBar>
#include <QPainter>
#include <QStyleFactory>
#include <QStyleOptionFrame>
#include <QTest>
#include <QToolBar>

#include <memory>

using namespace tether;

namespace {

// Whether this process has loaded an image-format plugin (gif, ico, jpeg, svg...).
bool imagePluginsLoaded()
{
    QFile maps(QStringLiteral("/proc/self/maps"));
    return maps.open(QIODevice::ReadOnly) && maps.readAll().contains("/imageformats/");
}

// A window with what asks a style for the deferred icons: a menu bar, a tool bar, a search field
// with a clear button.
std::unique_ptr<QMainWindow> barsAndSearch(const QString &search)
{
    auto window = std::make_unique<QMainWindow>();
    window->menuBar()->addMenu(QStringLiteral("&Tether"))->addAction(QStringLiteral("Quit"));
    window->addToolBar(QStringLiteral("Tools"))->addAction(QStringLiteral("Refresh"));
    auto *field = new QLineEdit(search);
    field->setClearButtonEnabled(true);
    window->setCentralWidget(field);
    window->resize(320, 120);
    return window;
}

// A style that counts what it is asked for.
class CountingStyle final : public QProxyStyle
{
public:
    using QProxyStyle::QProxyStyle;
    QIcon standardIcon(StandardPixmap which, const QStyleOption *option,
                       const QWidget *widget) const override
    {
        ++asked[which];
        return QProxyStyle::standardIcon(which, option, widget);
    }
    mutable QHash<StandardPixmap, int> asked;
};

} // namespace

// The application's style with the bars' overflow icons and the search field's clear icon made
// when drawn: nothing else differs, and building a window loads no image plugin.
class TestLazyIconStyle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void buildingTheWindow_loadsNoImagePlugin(); // first: before anything else reads an image
    void deferredIcons_areMadeWhenDrawn();
    void deferredIcons_areTheStylesOwn_data();
    void deferredIcons_areTheStylesOwn();
    void aWindow_looksTheSameAsUnderTheStyleItself();

private:
    QString m_baseName;
    const CountingStyle *m_counting = nullptr; // owned by m_style
    const LazyIconStyle *m_style = nullptr; // owned by the application
};

void TestLazyIconStyle::initTestCase()
{
    QVERIFY(!imagePluginsLoaded());
    // Over the style Qt chose, counting what is asked of it.
    m_baseName = QApplication::style()->name();
    auto *counting = new CountingStyle(QStyleFactory::create(m_baseName));
    m_counting = counting;
    auto *style = new LazyIconStyle(counting);
    QApplication::setStyle(style);
    m_style = style;
}

void TestLazyIconStyle::buildingTheWindow_loadsNoImagePlugin()
{
    const auto window = barsAndSearch(QString());
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    QVERIFY(!window->grab().isNull());
    QVERIFY(!imagePluginsLoaded());
}

void TestLazyIconStyle::deferredIcons_areMadeWhenDrawn()
{
    // Built and shown: nothing asked yet (the first test's window is gone).
    const auto window = barsAndSearch(QString());
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    QVERIFY(!window->grab().isNull());
    QCOMPARE(m_counting->asked.value(QStyle::SP_LineEditClearButton), 0);
    QCOMPARE(m_counting->asked.value(QStyle::SP_ToolBarHorizontalExtensionButton), 0);
    QCOMPARE(m_counting->asked.value(QStyle::SP_ToolBarVerticalExtensionButton), 0);

    // Text shows the clear button: its icon is made as it is drawn, once.
    qobject_cast<QLineEdit *>(window->centralWidget())->setText(QStringLiteral("wise"));
    QVERIFY(!window->grab().isNull());
    QCOMPARE(m_counting->asked.value(QStyle::SP_LineEditClearButton), 1);
    QVERIFY(!window->grab().isNull());
    QCOMPARE(m_counting->asked.value(QStyle::SP_LineEditClearButton), 1);
}

void TestLazyIconStyle::deferredIcons_areTheStylesOwn_data()
{
    QTest::addColumn<int>("which");
    QTest::addColumn<int>("size");
    QTest::addColumn<qreal>("scale");
    QTest::addColumn<bool>("rightToLeft");
    for (const auto which :
         {QStyle::SP_ToolBarHorizontalExtensionButton, QStyle::SP_ToolBarVerticalExtensionButton,
          QStyle::SP_LineEditClearButton}) {
        for (const int size : {8, 16, 32}) {
            for (const qreal scale : {1.0, 2.0}) {
                for (const bool rtl : {false, true})
                    QTest::addRow("%d at %d px, x%g%s", int(which), size, scale, rtl ? ", rtl" : "")
                            << int(which) << size << scale << rtl;
            }
        }
    }
}

void TestLazyIconStyle::deferredIcons_areTheStylesOwn()
{
    QFETCH(int, which);
    QFETCH(int, size);
    QFETCH(qreal, scale);
    QFETCH(bool, rightToLeft);
    QLineEdit widget;
    QStyleOptionFrame option; // what QLineEdit passes, a subclass of QStyleOption
    option.initFrom(&widget);
    option.direction = rightToLeft ? Qt::RightToLeft : Qt::LeftToRight;
    const auto pixmap = QStyle::StandardPixmap(which);
    const QIcon deferred = m_style->standardIcon(pixmap, &option, &widget);
    const QIcon own = m_style->baseStyle()->standardIcon(pixmap, &option, &widget);
    QVERIFY(!own.isNull());
    QVERIFY(!deferred.isNull());
    const QSize asked(size, size);
    QCOMPARE(deferred.actualSize(asked), own.actualSize(asked));
    QCOMPARE(deferred.availableSizes(), own.availableSizes());
    for (const auto mode : {QIcon::Normal, QIcon::Disabled, QIcon::Active, QIcon::Selected}) {
        const QImage drawn = deferred.pixmap(asked, scale, mode).toImage();
        QCOMPARE(drawn.size(), own.pixmap(asked, scale, mode).size());
        QCOMPARE(drawn, own.pixmap(asked, scale, mode).toImage());
        QCOMPARE(drawn.devicePixelRatio(), own.pixmap(asked, scale, mode).devicePixelRatio());
    }
    // Painted into a widget's rectangle, as a button does.
    QImage painted(asked * scale, QImage::Format_ARGB32_Premultiplied);
    painted.setDevicePixelRatio(scale);
    QImage expected = painted;
    painted.fill(Qt::transparent);
    expected.fill(Qt::transparent);
    {
        QPainter p(&painted);
        deferred.paint(&p, QRect(QPoint(), asked));
        QPainter q(&expected);
        own.paint(&q, QRect(QPoint(), asked));
    }
    QCOMPARE(painted, expected);
}

void TestLazyIconStyle::aWindow_looksTheSameAsUnderTheStyleItself()
{
    // With text, so that the clear button shows its (deferred) icon.
    const auto lazy = barsAndSearch(QStringLiteral("wise"));
    lazy->show();
    QVERIFY(QTest::qWaitForWindowExposed(lazy.get()));
    const QImage underLazy = lazy->grab().toImage();
    QVERIFY(imagePluginsLoaded()); // drawn now: the icon was read

    QApplication::setStyle(QStyleFactory::create(m_baseName));
    m_style = nullptr; // deleted by QApplication
    m_counting = nullptr;
    const auto plain = barsAndSearch(QStringLiteral("wise"));
    plain->show();
    QVERIFY(QTest::qWaitForWindowExposed(plain.get()));
    const QImage underPlain = plain->grab().toImage();
    QCOMPARE(underLazy.size(), underPlain.size());
    QCOMPARE(underLazy, underPlain);
}

QTEST_MAIN(TestLazyIconStyle)
#include "tst_lazyiconstyle.moc"
