#include "lazyiconstyle.h"

#include <QIconEngine>
#include <QPainter>
#include <QPointer>
#include <QStyleOption>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

namespace tether {

namespace {

// An icon made by `make` when it is first drawn or measured; every copy shares what it made.
class DeferredIconEngine final : public QIconEngine
{
public:
    explicit DeferredIconEngine(std::function<QIcon()> make)
        : m_shared(std::make_shared<Shared>(Shared{std::move(make), std::nullopt}))
    { }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        icon().paint(painter, rect, Qt::AlignCenter, mode, state);
    }
    // In device pixels, as an engine answers: QIcon scales for the screen around these.
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return icon().pixmap(size, 1.0, mode, state);
    }
    QSize actualSize(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return pixmap(size, mode, state).size();
    }
    QList<QSize> availableSizes(QIcon::Mode mode, QIcon::State state) override
    {
        return icon().availableSizes(mode, state);
    }
    // Not null without making it: the styles Qt ships draw every one of these icons.
    bool isNull() override { return false; }
    QString key() const override { return QStringLiteral("tether-deferred"); }
    QIconEngine *clone() const override { return new DeferredIconEngine(*this); }

private:
    struct Shared
    {
        std::function<QIcon()> make;
        std::optional<QIcon> made;
    };

    const QIcon &icon()
    {
        if (!m_shared->made)
            m_shared->made = m_shared->make();
        return *m_shared->made;
    }

    std::shared_ptr<Shared> m_shared;
};

} // namespace

QIcon LazyIconStyle::standardIcon(StandardPixmap which, const QStyleOption *option,
                                  const QWidget *widget) const
{
    if (which != SP_ToolBarHorizontalExtensionButton && which != SP_ToolBarVerticalExtensionButton
        && which != SP_LineEditClearButton)
        return QProxyStyle::standardIcon(which, option, widget);
    // The option lives only for this call: what these icons read of it (the direction) is kept,
    // as a plain QStyleOption, not as the subclass it was, and without the object it pointed at.
    std::optional<QStyleOption> kept;
    if (option) {
        kept.emplace(*option);
        kept->type = QStyleOption::SO_Default;
        kept->version = QStyleOption::Version;
        kept->styleObject = nullptr;
    }
    // Watched, not owned: the widget, or the application's style, may go first.
    return QIcon(new DeferredIconEngine([style = QPointer<const LazyIconStyle>(this), which, kept,
                                         widget = QPointer<const QWidget>(widget)] {
        return style ? style->baseStyle()->standardIcon(which, kept ? &*kept : nullptr, widget)
                     : QIcon();
    }));
}

} // namespace tether
