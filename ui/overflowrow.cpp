#include "overflowrow.h"

#include <QHBoxLayout>
#include <QPushButton>

namespace tether {

OverflowRow::OverflowRow(const QList<QPushButton *> &buttons, QWidget *parent)
    : QWidget(parent), m_buttons(buttons)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addStretch();
    for (QPushButton *b : buttons)
        layout->addWidget(b);
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
}

QSize OverflowRow::minimumSizeHint() const
{
    return {0, QWidget::minimumSizeHint().height()};
}

QSize OverflowRow::sizeHint() const
{
    int width = 0;
    for (const QPushButton *b : m_buttons)
        width += b->sizeHint().width() + layout()->spacing();
    return {width, QWidget::sizeHint().height()};
}

void OverflowRow::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    int left = width();
    bool fits = true;
    for (QPushButton *b : m_buttons) {
        left -= b->sizeHint().width() + layout()->spacing();
        fits = fits && left >= 0;
        b->setVisible(fits);
    }
}

} // namespace tether
