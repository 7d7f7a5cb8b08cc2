#include "trayicon.h"

#include "core/paths.h"
#include "refresh/refreshservice.h"
#include "ui/mainwindow.h"
#include "ui/preferences.h"

#include <QApplication>
#include <QLocale>
#include <QMenu>
#include <QPainter>
#include <QSystemTrayIcon>

namespace tether {

namespace {

QIcon trayIcon(bool attention)
{
    QIcon base(QStringLiteral(":/icons/io.github.tether.Tether.svg"));
    if (!attention)
        return base;
    QPixmap pixmap = base.pixmap(64, 64);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(Qt::white, 3));
    painter.setBrush(QColor("#cf222e"));
    painter.drawEllipse(QRect(34, 34, 28, 28));
    return QIcon(pixmap);
}

} // namespace

TrayIcon::TrayIcon(RefreshService &service, MainWindow &window, QObject *parent)
    : QObject(parent), m_service(service), m_window(window), m_tray(new QSystemTrayIcon(this))
{
    auto *menu = new QMenu(&window);
    menu->addAction(tr("&Open Tether"), &window,
                    [this] { m_window.showAccount(m_window.selectedId()); });
    menu->addAction(tr("&Refresh all"), &m_service, &RefreshService::refreshAll);
    preferences::addActions(menu);
    menu->addSeparator();
    menu->addAction(tr("&Quit"), this, &TrayIcon::quitRequested);
    m_tray->setContextMenu(menu);
    connect(m_tray, &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason reason) {
                if (reason == QSystemTrayIcon::Trigger)
                    m_window.isVisible() ? m_window.hide()
                                         : m_window.showAccount(m_window.selectedId());
            });
    connect(m_tray, &QSystemTrayIcon::messageClicked, this,
            [this] { m_window.showAccount(m_lastNotified); });

    connect(&m_service, &RefreshService::accountsChanged, this, &TrayIcon::update);
    connect(&m_service, &RefreshService::needsReconnect, this,
            [this](const QString &id, const Failure &why) {
                notify(id, tr("%1 needs reconnecting").arg(id), why.message);
            });
    connect(&m_service, &RefreshService::refreshTokenExpiring, this,
            [this](const QString &id, const QDateTime &when) {
                const qint64 days =
                        std::max<qint64>(1, QDateTime::currentDateTimeUtc().daysTo(when));
                notify(id, tr("%1: refresh token expires soon").arg(id),
                       tr("It expires in %n day(s), on %1. Reconnect before then to keep the "
                          "account working.",
                          nullptr, int(days))
                               .arg(QLocale().toString(when.toLocalTime(), QLocale::ShortFormat)));
            });
    update();
    m_tray->show();
}

bool TrayIcon::isAvailable()
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

void TrayIcon::update()
{
    int problems = 0;
    for (const Account &a : m_service.accounts()) {
        if (a.status.state == AccountState::NeedsReconnect
            || a.status.state == AccountState::Retrying
            || (a.status.lastError && a.status.lastError->kind == FailureKind::Configuration))
            ++problems;
    }
    m_attention = problems > 0;
    m_tray->setIcon(trayIcon(m_attention));
    m_tray->setToolTip(m_attention ? tr("Tether: %n account(s) need attention", nullptr, problems)
                                   : tr("Tether: all accounts connected"));
}

void TrayIcon::notify(const QString &id, const QString &title, const QString &text)
{
    if (!preferences::notificationsEnabled())
        return;
    m_lastNotified = id;
    m_tray->showMessage(title, text, QSystemTrayIcon::Warning, 15'000);
}

} // namespace tether
