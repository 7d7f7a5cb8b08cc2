#pragma once

#include <QProxyStyle>

namespace tether {

// The style Qt chooses for the user (the platform's, or -style / QT_STYLE_OVERRIDE), with one
// change: the icons of a bar's overflow button and of a search field's clear button are read
// when they are first drawn, not when the bar or the field is built. Qt's own styles read them at
// once, and reading the first PNG makes QImageReader load every image-format plugin and ask each
// whether it reads it (gif, ico, jpeg with libjpeg, svg): 2-3 ms of the window's start, for
// buttons that show only when the menu bar is too narrow or the search field holds text
// (docs/performance.md).
class LazyIconStyle final : public QProxyStyle
{
    Q_OBJECT

public:
    // Over `base`, or else over the style Qt would have used (QProxyStyle's rule); owns it.
    explicit LazyIconStyle(QStyle *base = nullptr) : QProxyStyle(base) { }

    QIcon standardIcon(StandardPixmap which, const QStyleOption *option = nullptr,
                       const QWidget *widget = nullptr) const override;
};

} // namespace tether
