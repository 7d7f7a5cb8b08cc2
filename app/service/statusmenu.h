#pragma once

// D-Bus properties are announced with PropertiesChanged or the interface's own signals, not
// with a Qt NOTIFY signal. clazy:excludeall=qproperty-without-notify

#include <QDBusArgument>
#include <QDBusVariant>
#include <QList>
#include <QObject>
#include <QVariantMap>

namespace tether {

// com.canonical.dbusmenu's types: a menu item with its children (ia{sv}av), an item's properties
// (ia{sv}), removed properties (ias) and an event (isvu).
struct MenuLayout
{
    int id = 0;
    QVariantMap properties;
    QList<MenuLayout> children;
};
struct MenuItemProperties
{
    int id = 0;
    QVariantMap properties;
};
struct MenuItemRemovedProperties
{
    int id = 0;
    QStringList names;
};
struct MenuEvent
{
    int id = 0;
    QString eventId;
    QDBusVariant data;
    uint timestamp = 0;
};

} // namespace tether

Q_DECLARE_METATYPE(tether::MenuLayout)
Q_DECLARE_METATYPE(tether::MenuItemProperties)
Q_DECLARE_METATYPE(tether::MenuItemRemovedProperties)
Q_DECLARE_METATYPE(tether::MenuEvent)

namespace tether {

// The status item's menu, exported as com.canonical.dbusmenu (what StatusNotifierItem hosts
// draw): a flat list of items, each a label, a separator or a check box.
class StatusMenu final : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "com.canonical.dbusmenu")
    Q_PROPERTY(uint Version READ version)
    Q_PROPERTY(QString TextDirection READ textDirection)
    Q_PROPERTY(QString Status READ status)
    Q_PROPERTY(QStringList IconThemePath READ iconThemePath)
    Q_DISABLE_COPY_MOVE(StatusMenu)

public:
    struct Item
    {
        int id = 0;
        QString label; // empty: a separator
        bool enabled = true;
        std::optional<bool> checked; // a check box
    };

    explicit StatusMenu(QObject *parent = nullptr);
    static void registerTypes();

    void setItems(const QList<Item> &items); // tells the host when it changed
    uint version() const { return 3; }
    QString textDirection() const;
    QString status() const { return QStringLiteral("normal"); }
    QStringList iconThemePath() const { return {}; }

public Q_SLOTS:
    uint GetLayout(int parentId, int recursionDepth, const QStringList &propertyNames,
                   tether::MenuLayout &layout);
    QList<tether::MenuItemProperties> GetGroupProperties(const QList<int> &ids,
                                                         const QStringList &propertyNames);
    QDBusVariant GetProperty(int id, const QString &name);
    void Event(int id, const QString &eventId, const QDBusVariant &data, uint timestamp);
    QList<int> EventGroup(const QList<tether::MenuEvent> &events);
    bool AboutToShow(int id);
    QList<int> AboutToShowGroup(const QList<int> &ids, QList<int> &idErrors);

Q_SIGNALS:
    void ItemsPropertiesUpdated(const QList<tether::MenuItemProperties> &updatedProps,
                                const QList<tether::MenuItemRemovedProperties> &removedProps);
    void LayoutUpdated(uint revision, int parent);
    void ItemActivationRequested(int id, uint timestamp);

    void itemClicked(int id); // for the status item

private:
    QVariantMap propertiesOf(const Item &item, const QStringList &names) const;

    QList<Item> m_items;
    uint m_revision = 1;
};

QDBusArgument &operator<<(QDBusArgument &argument, const MenuLayout &layout);
const QDBusArgument &operator>>(const QDBusArgument &argument, MenuLayout &layout);
QDBusArgument &operator<<(QDBusArgument &argument, const MenuItemProperties &item);
const QDBusArgument &operator>>(const QDBusArgument &argument, MenuItemProperties &item);
QDBusArgument &operator<<(QDBusArgument &argument, const MenuItemRemovedProperties &item);
const QDBusArgument &operator>>(const QDBusArgument &argument, MenuItemRemovedProperties &item);
QDBusArgument &operator<<(QDBusArgument &argument, const MenuEvent &event);
const QDBusArgument &operator>>(const QDBusArgument &argument, MenuEvent &event);

} // namespace tether
