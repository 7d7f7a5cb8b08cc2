#pragma once

#include <QList>
#include <QWidget>

class QPushButton;

namespace tether {

// A row of buttons that shows as many as fit, in order, and hides the rest (each is also in the
// Account menu): the window can be narrower than all of them together.
class OverflowRow final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OverflowRow)

public:
    explicit OverflowRow(const QList<QPushButton *> &buttons, QWidget *parent = nullptr);

    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    QList<QPushButton *> m_buttons;
};

} // namespace tether
