#pragma once

#include <QFontMetrics>
#include <QStyledItemDelegate>

namespace tether {

enum class AccountState;

// Paints one account row from the model's roles only: provider icon, name, a state chip, the
// access token's countdown with a bar that shrinks, the refresh token's lifetime and the
// refresh times. Colours come from the palette, so light and dark themes both read well.
class AccountDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountDelegate)

public:
    explicit AccountDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;

    static QIcon providerIcon(const QString &providerId);
    // The colour that marks a state (chips, the countdown bar, problems in dialogs), and how
    // strongly a chip is tinted with it behind its text.
    static const double kChipTint;
    static QColor stateColor(AccountState state, bool attention, const QPalette &palette);
    // Where a row that needs the user shows its Reconnect (or Connect) button; empty otherwise.
    static QRect actionRect(const QStyleOptionViewItem &option, const QModelIndex &index);
    static QString actionText(const QModelIndex &index);
    // `full` where it fits in `width`, else `brief`, else `brief` cut at its end: never a text
    // cut at its start ("…h token expires in 2:52").
    static QString fitted(const QFontMetrics &metrics, const QString &full, const QString &brief,
                          int width);

Q_SIGNALS:
    // The row's button was clicked, or Space pressed on the row.
    void reconnectRequested(const QString &id);
};

} // namespace tether
