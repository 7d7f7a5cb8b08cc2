#pragma once

#include <QObject>

class QAction;
class QSystemTrayIcon;

namespace tether {

class MainWindow;
class RefreshService;
struct Failure;

// The tray icon: its look summarises the accounts (all good / attention needed), its menu opens
// the window, refreshes all or quits, and it carries the desktop notifications (reconnect needed,
// refresh token expiring). Clicking a notification opens that account.
class TrayIcon final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrayIcon)

public:
    TrayIcon(RefreshService &service, MainWindow &window, QObject *parent = nullptr);
    static bool isAvailable();
    bool attentionNeeded() const { return m_attention; }

Q_SIGNALS:
    void quitRequested();

private:
    void update();
    void notify(const QString &id, const QString &title, const QString &text);

    RefreshService &m_service;
    MainWindow &m_window;
    QSystemTrayIcon *m_tray;
    QString m_lastNotified;
    bool m_attention = false;
};

} // namespace tether
