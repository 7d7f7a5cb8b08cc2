#pragma once

// D-Bus properties are announced with PropertiesChanged or the interface's own signals, not
// with a Qt NOTIFY signal. clazy:excludeall=qproperty-without-notify

#include <QDBusArgument>
#include <QObject>

namespace tether {

class InProcessService;
class StatusMenu;

// StatusNotifierItem's pixmaps and tool tip.
struct StatusIcon
{
    int width = 0;
    int height = 0;
    QByteArray argb; // network byte order
};
struct StatusToolTip
{
    QString iconName;
    QList<StatusIcon> icon;
    QString title;
    QString text;
};

} // namespace tether

Q_DECLARE_METATYPE(tether::StatusIcon)
Q_DECLARE_METATYPE(tether::StatusToolTip)

namespace tether {

// Tether in the tray, from the service itself: a StatusNotifierItem (what KDE Plasma, GNOME's
// AppIndicator extension, Xfce, LXQt, Cinnamon and most bars host) with a com.canonical.dbusmenu
// menu — Open Tether, Refresh all, Start at login, Quit Tether. Pure D-Bus, no widgets. It
// registers with the StatusNotifierWatcher whenever one appears, so a tray host that starts
// after Tether still shows it; without any, nothing else changes. Its status says whether an
// account needs attention.
class StatusItem final : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.kde.StatusNotifierItem")
    Q_PROPERTY(QString Category READ category)
    Q_PROPERTY(QString Id READ id)
    Q_PROPERTY(QString Title READ title)
    Q_PROPERTY(QString Status READ status)
    Q_PROPERTY(int WindowId READ windowId)
    Q_PROPERTY(QString IconName READ iconName)
    Q_PROPERTY(QList<tether::StatusIcon> IconPixmap READ iconPixmap)
    Q_PROPERTY(QString OverlayIconName READ overlayIconName)
    Q_PROPERTY(QList<tether::StatusIcon> OverlayIconPixmap READ iconPixmap)
    Q_PROPERTY(QString AttentionIconName READ attentionIconName)
    Q_PROPERTY(QList<tether::StatusIcon> AttentionIconPixmap READ iconPixmap)
    Q_PROPERTY(tether::StatusToolTip ToolTip READ toolTip)
    Q_PROPERTY(bool ItemIsMenu READ itemIsMenu)
    Q_PROPERTY(QDBusObjectPath Menu READ menu)
    Q_DISABLE_COPY_MOVE(StatusItem)

public:
    static inline const QString kWatcher = QStringLiteral("org.kde.StatusNotifierWatcher");
    static inline const QString kItemPath = QStringLiteral("/StatusNotifierItem");
    static inline const QString kMenuPath = QStringLiteral("/MenuBar");

    explicit StatusItem(InProcessService &backend, QObject *parent = nullptr);
    ~StatusItem() override;

    bool isRegistered() const { return m_registered; }
    int accountsNeedingAttention() const { return m_attention; }

    QString category() const { return QStringLiteral("ApplicationStatus"); }
    QString id() const { return QStringLiteral("io.github.tether.Tether"); }
    QString title() const;
    QString status() const;
    int windowId() const { return 0; }
    QString iconName() const { return QStringLiteral("io.github.tether.Tether"); }
    QList<StatusIcon> iconPixmap() const { return {}; }
    QString overlayIconName() const { return {}; }
    QString attentionIconName() const
    {
        return QStringLiteral("io.github.tether.Tether-attention");
    }
    StatusToolTip toolTip() const;
    bool itemIsMenu() const { return false; }
    QDBusObjectPath menu() const { return QDBusObjectPath(kMenuPath); }

public Q_SLOTS:
    void Activate(int x, int y);
    void SecondaryActivate(int x, int y);
    void ContextMenu(int x, int y);
    void Scroll(int delta, const QString &orientation);

Q_SIGNALS:
    void NewTitle();
    void NewIcon();
    void NewAttentionIcon();
    void NewOverlayIcon();
    void NewToolTip();
    void NewStatus(const QString &status);

    void openRequested(const QString &id); // the window, at no account in particular

private:
    void registerWithWatcher();
    void update();
    void onMenuItem(int id);

    InProcessService &m_backend;
    StatusMenu *m_menu;
    QString m_busName;
    static constexpr int kRegisterAttempts = 4;
    int m_attention = 0;
    int m_attempts = 0;
    bool m_registered = false;
};

QDBusArgument &operator<<(QDBusArgument &argument, const StatusIcon &icon);
const QDBusArgument &operator>>(const QDBusArgument &argument, StatusIcon &icon);
QDBusArgument &operator<<(QDBusArgument &argument, const StatusToolTip &tip);
const QDBusArgument &operator>>(const QDBusArgument &argument, StatusToolTip &tip);

} // namespace tether
