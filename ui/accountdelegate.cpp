#include "accountdelegate.h"

#include "accounts/account.h"
#include "ui/accountlistmodel.h"

#include <QApplication>
#include <QFile>
#include <QHash>
#include <QIcon>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QStyleOption>

namespace tether {

namespace {

bool needsUser(const QModelIndex &index)
{
    const auto state = AccountState(index.data(AccountListModel::StateRole).toInt());
    return state == AccountState::NeedsReconnect || state == AccountState::NotConnected;
}

} // namespace

const double AccountDelegate::kChipTint = 0.14;

QColor AccountDelegate::stateColor(AccountState state, bool attention, const QPalette &palette)
{
    // Two shades of each hue, chosen for at least 4.5:1 against the base colour of a light
    // and of a dark palette, and against the chip's tint of itself (WCAG AA for text;
    // tst_accountlistmodel measures them); which one is used follows the palette's lightness.
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    switch (state) {
    case AccountState::Connected:
        return attention ? QColor(dark ? "#f2cc60" : "#7d5300")
                         : QColor(dark ? "#56d364" : "#116329");
    case AccountState::Refreshing:
        return QColor(dark ? "#79c0ff" : "#0550ae");
    case AccountState::Retrying:
        return QColor(dark ? "#f2cc60" : "#7d5300");
    case AccountState::NeedsReconnect:
        return QColor(dark ? "#ffa198" : "#a40e26");
    case AccountState::NotConnected:
        break;
    }
    return palette.color(QPalette::Disabled, QPalette::Text);
}

QString AccountDelegate::actionText(const QModelIndex &index)
{
    return AccountState(index.data(AccountListModel::StateRole).toInt())
                           == AccountState::NotConnected
                   ? tr("Connect")
                   : tr("Reconnect");
}

QRect AccountDelegate::actionRect(const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (!needsUser(index))
        return {};
    const QFontMetrics &metrics = option.fontMetrics;
    const int line = metrics.height();
    const QRect r = option.rect.adjusted(10, 8, -12, -8);
    const int width = metrics.horizontalAdvance(actionText(index)) + 2 * line;
    const int height = line + 10;
    // Below the countdown and its bar, right-aligned: where the refresh token's lifetime is
    // shown on a healthy row.
    return {r.right() - width + 1, r.top() + line + 16, width, height};
}

bool AccountDelegate::editorEvent(QEvent *event, QAbstractItemModel *model,
                                  const QStyleOptionViewItem &option, const QModelIndex &index)
{
    const QRect button = actionRect(option, index);
    if (!button.isEmpty()) {
        if (event->type() == QEvent::MouseButtonRelease) {
            const auto *mouse = static_cast<QMouseEvent *>(event);
            if (mouse->button() == Qt::LeftButton && button.contains(mouse->position().toPoint())) {
                Q_EMIT reconnectRequested(index.data(AccountListModel::IdRole).toString());
                return true;
            }
        } else if (event->type() == QEvent::KeyPress) {
            const auto *key = static_cast<QKeyEvent *>(event);
            if (key->key() == Qt::Key_Space && key->modifiers() == Qt::NoModifier) {
                Q_EMIT reconnectRequested(index.data(AccountListModel::IdRole).toString());
                return true;
            }
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

AccountDelegate::AccountDelegate(QObject *parent) : QStyledItemDelegate(parent) { }

QIcon AccountDelegate::providerIcon(const QString &providerId)
{
    // One QIcon per provider for the life of the window: a QIcon made from an SVG file parses
    // it when first painted and keeps the pixmaps it renders; a new one per paint re-parsed the
    // SVG for every visible row on every countdown tick.
    static QHash<QString, QIcon> icons;
    auto found = icons.constFind(providerId);
    if (found == icons.cend()) {
        const QString path = QStringLiteral(":/icons/providers/%1.svg").arg(providerId);
        found = icons.insert(
                providerId, QFile::exists(path)
                                    ? QIcon(path)
                                    : QIcon(QStringLiteral(":/icons/io.github.tether.Tether.svg")));
    }
    return *found;
}

QSize AccountDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const int line = option.fontMetrics.height();
    return {line * 30, line * 4 + 18};
}

void AccountDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    QStyleOptionViewItem base = option;
    initStyleOption(&base, index);
    base.text.clear();
    base.icon = QIcon();
    QStyle *style = option.widget ? option.widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &base, painter, option.widget);

    const QPalette &palette = option.palette;
    const bool selected = option.state & QStyle::State_Selected;
    const QColor text = palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    QColor dim = text;
    dim.setAlphaF(0.7);
    const QFontMetrics metrics = option.fontMetrics;
    const int line = metrics.height();
    const QRect r = option.rect.adjusted(10, 8, -12, -8);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);

    // Provider icon.
    const int iconSize = line * 2 + 4;
    const QRect iconRect(r.left(), r.top() + 2, iconSize, iconSize);
    providerIcon(index.data(AccountListModel::ProviderRole).toString()).paint(painter, iconRect);
    const int left = iconRect.right() + 12;
    const int rightColumn = std::max(line * 11, r.width() / 3);
    const QRect textArea(left, r.top(), r.right() - left - rightColumn - 12, r.height());
    const QRect right(r.right() - rightColumn, r.top(), rightColumn, r.height());

    // Name and provider.
    QFont bold = option.font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(text);
    const QString name = index.data(Qt::DisplayRole).toString();
    painter->drawText(QRect(textArea.left(), textArea.top(), textArea.width(), line),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(bold).elidedText(name, Qt::ElideRight, textArea.width()));
    painter->setFont(option.font);
    painter->setPen(dim);
    QString provider = index.data(AccountListModel::ProviderNameRole).toString();
    if (index.data(AccountListModel::InsecureRole).toBool())
        provider += tr(" · ⚠ plain http allowed");
    painter->drawText(QRect(textArea.left(), textArea.top() + line, textArea.width(), line),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      metrics.elidedText(provider, Qt::ElideRight, textArea.width()));

    // State chip.
    const auto state = AccountState(index.data(AccountListModel::StateRole).toInt());
    const bool attention = !index.data(AccountListModel::LastErrorRole).toString().isEmpty();
    const QString chipText = index.data(AccountListModel::StateTextRole).toString();
    const QColor chipColor =
            stateColor(state, attention && state == AccountState::Connected, palette);
    const int chipWidth = metrics.horizontalAdvance(chipText) + line;
    const QRect chip(textArea.left(), textArea.top() + line * 2 + 6, chipWidth, line + 4);
    QColor fill = chipColor;
    fill.setAlphaF(kChipTint);
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    painter->drawRoundedRect(chip, chip.height() / 2.0, chip.height() / 2.0);
    painter->setPen(selected ? text : chipColor);
    painter->drawText(chip, Qt::AlignCenter, chipText);

    // Refresh times beside the chip.
    painter->setPen(dim);
    const QRect times(chip.right() + 10, chip.top(), textArea.right() - chip.right() - 10,
                      chip.height());
    painter->drawText(times, Qt::AlignLeft | Qt::AlignVCenter,
                      metrics.elidedText(index.data(AccountListModel::TimesTextRole).toString(),
                                         Qt::ElideRight, times.width()));

    // Countdown, bar, refresh token lifetime.
    painter->setPen(text);
    painter->drawText(QRect(right.left(), right.top(), right.width(), line),
                      Qt::AlignRight | Qt::AlignVCenter,
                      index.data(AccountListModel::CountdownTextRole).toString());
    const double fraction = index.data(AccountListModel::AccessFractionRole).toDouble();
    const QRect bar(right.left(), right.top() + line + 6, right.width(), 6);
    QColor track = text;
    track.setAlphaF(0.12);
    painter->setPen(Qt::NoPen);
    painter->setBrush(track);
    painter->drawRoundedRect(bar, 3, 3);
    if (fraction >= 0) {
        QColor level = fraction > 0.25 ? stateColor(AccountState::Connected, false, palette)
                                       : stateColor(AccountState::Retrying, false, palette);
        painter->setBrush(level);
        painter->drawRoundedRect(
                QRect(bar.left(), bar.top(), int(bar.width() * fraction), bar.height()), 3, 3);
    }
    const QRect button = actionRect(option, index);
    if (!button.isEmpty()) {
        // The row's own action, drawn as the style draws a push button.
        painter->restore();
        QStyleOptionButton push;
        if (option.widget)
            push.initFrom(option.widget);
        push.rect = button;
        push.text = actionText(index);
        push.palette = palette;
        push.state = QStyle::State_Enabled | QStyle::State_Raised;
        if (selected && (option.state & QStyle::State_HasFocus))
            push.state |= QStyle::State_HasFocus;
        push.features = QStyleOptionButton::DefaultButton;
        style->drawControl(QStyle::CE_PushButton, &push, painter, option.widget);
        return;
    }
    painter->setPen(dim);
    painter->drawText(QRect(right.left(), bar.bottom() + 6, right.width(), line),
                      Qt::AlignRight | Qt::AlignVCenter,
                      fitted(metrics, index.data(AccountListModel::RefreshSummaryRole).toString(),
                             index.data(AccountListModel::RefreshShortRole).toString(),
                             right.width()));
    painter->restore();
}

QString AccountDelegate::fitted(const QFontMetrics &metrics, const QString &full,
                                const QString &brief, int width)
{
    if (metrics.horizontalAdvance(full) <= width)
        return full;
    return metrics.elidedText(brief, Qt::ElideRight, width);
}

} // namespace tether
