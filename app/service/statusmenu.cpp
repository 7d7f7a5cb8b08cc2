#include "statusmenu.h"

#include <QCoreApplication>
#include <QDBusArgument>
#include <QDBusMetaType>

namespace tether {

QDBusArgument &operator<<(QDBusArgument &argument, const MenuLayout &layout)
{
    argument.beginStructure();
    argument << layout.id << layout.properties;
    argument.beginArray(QMetaType::fromType<QDBusVariant>());
    for (const MenuLayout &child : layout.children)
        argument << QDBusVariant(QVariant::fromValue(child));
    argument.endArray();
    argument.endStructure();
    return argument;
}

const QDBusArgument &operator>>(const QDBusArgument &argument, MenuLayout &layout)
{
    argument.beginStructure();
    argument >> layout.id >> layout.properties;
    argument.beginArray();
    layout.children.clear();
    while (!argument.atEnd()) {
        QDBusVariant child;
        argument >> child;
        layout.children.append(qdbus_cast<MenuLayout>(child.variant()));
    }
    argument.endArray();
    argument.endStructure();
    return argument;
}

QDBusArgument &operator<<(QDBusArgument &argument, const MenuItemProperties &item)
{
    argument.beginStructure();
    argument << item.id << item.properties;
    argument.endStructure();
    return argument;
}

const QDBusArgument &operator>>(const QDBusArgument &argument, MenuItemProperties &item)
{
    argument.beginStructure();
    argument >> item.id >> item.properties;
    argument.endStructure();
    return argument;
}

QDBusArgument &operator<<(QDBusArgument &argument, const MenuItemRemovedProperties &item)
{
    argument.beginStructure();
    argument << item.id << item.names;
    argument.endStructure();
    return argument;
}

const QDBusArgument &operator>>(const QDBusArgument &argument, MenuItemRemovedProperties &item)
{
    argument.beginStructure();
    argument >> item.id >> item.names;
    argument.endStructure();
    return argument;
}

QDBusArgument &operator<<(QDBusArgument &argument, const MenuEvent &event)
{
    argument.beginStructure();
    argument << event.id << event.eventId << event.data << event.timestamp;
    argument.endStructure();
    return argument;
}

const QDBusArgument &operator>>(const QDBusArgument &argument, MenuEvent &event)
{
    argument.beginStructure();
    argument >> event.id >> event.eventId >> event.data >> event.timestamp;
    argument.endStructure();
    return argument;
}

StatusMenu::StatusMenu(QObject *parent) : QObject(parent)
{
    registerTypes();
}

void StatusMenu::registerTypes()
{
    qDBusRegisterMetaType<MenuLayout>();
    qDBusRegisterMetaType<MenuItemProperties>();
    qDBusRegisterMetaType<QList<MenuItemProperties>>();
    qDBusRegisterMetaType<MenuItemRemovedProperties>();
    qDBusRegisterMetaType<QList<MenuItemRemovedProperties>>();
    qDBusRegisterMetaType<MenuEvent>();
    qDBusRegisterMetaType<QList<MenuEvent>>();
    qDBusRegisterMetaType<QList<int>>();
}

QString StatusMenu::textDirection() const
{
    return QCoreApplication::translate("QGuiApplication", "QT_LAYOUT_DIRECTION")
                           == QLatin1String("RTL")
                   ? QStringLiteral("rtl")
                   : QStringLiteral("ltr");
}

void StatusMenu::setItems(const QList<Item> &items)
{
    m_items = items;
    Q_EMIT LayoutUpdated(++m_revision, 0);
}

QVariantMap StatusMenu::propertiesOf(const Item &item, const QStringList &names) const
{
    QVariantMap p;
    if (item.label.isEmpty()) {
        p.insert(QStringLiteral("type"), QStringLiteral("separator"));
    } else {
        p.insert(QStringLiteral("label"), item.label);
        p.insert(QStringLiteral("enabled"), item.enabled);
        if (item.checked) {
            p.insert(QStringLiteral("toggle-type"), QStringLiteral("checkmark"));
            p.insert(QStringLiteral("toggle-state"), *item.checked ? 1 : 0);
        }
    }
    if (names.isEmpty())
        return p;
    QVariantMap wanted;
    for (const QString &name : names) {
        if (p.contains(name))
            wanted.insert(name, p.value(name));
    }
    return wanted;
}

uint StatusMenu::GetLayout(int parentId, int recursionDepth, const QStringList &propertyNames,
                           MenuLayout &layout)
{
    layout = {};
    if (parentId != 0) {
        // A leaf: no children.
        for (const Item &item : std::as_const(m_items)) {
            if (item.id == parentId)
                layout = {item.id,
                          propertyNames.isEmpty() ? propertiesOf(item, {})
                                                  : propertiesOf(item, propertyNames),
                          {}};
        }
        return m_revision;
    }
    layout.id = 0;
    layout.properties.insert(QStringLiteral("children-display"), QStringLiteral("submenu"));
    if (recursionDepth == 0)
        return m_revision;
    for (const Item &item : std::as_const(m_items))
        layout.children.append({item.id, propertiesOf(item, propertyNames), {}});
    return m_revision;
}

QList<MenuItemProperties> StatusMenu::GetGroupProperties(const QList<int> &ids,
                                                         const QStringList &propertyNames)
{
    QList<MenuItemProperties> out;
    for (const Item &item : std::as_const(m_items)) {
        if (ids.isEmpty() || ids.contains(item.id))
            out.append({item.id, propertiesOf(item, propertyNames)});
    }
    return out;
}

QDBusVariant StatusMenu::GetProperty(int id, const QString &name)
{
    for (const Item &item : std::as_const(m_items)) {
        if (item.id == id)
            return QDBusVariant(propertiesOf(item, {name}).value(name));
    }
    return QDBusVariant(QVariant(QString()));
}

void StatusMenu::Event(int id, const QString &eventId, const QDBusVariant &, uint)
{
    if (eventId != QLatin1String("clicked"))
        return;
    for (const Item &item : std::as_const(m_items)) {
        if (item.id == id && item.enabled && !item.label.isEmpty())
            return Q_EMIT itemClicked(id);
    }
}

QList<int> StatusMenu::EventGroup(const QList<MenuEvent> &events)
{
    QList<int> unknown;
    for (const MenuEvent &event : events) {
        const bool known = std::any_of(m_items.cbegin(), m_items.cend(),
                                       [&](const Item &item) { return item.id == event.id; });
        if (known)
            Event(event.id, event.eventId, event.data, event.timestamp);
        else
            unknown.append(event.id);
    }
    return unknown;
}

bool StatusMenu::AboutToShow(int)
{
    return false;
}

QList<int> StatusMenu::AboutToShowGroup(const QList<int> &, QList<int> &idErrors)
{
    idErrors.clear();
    return {};
}

} // namespace tether
