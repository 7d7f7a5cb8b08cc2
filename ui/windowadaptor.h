#pragma once

#include <QObject>

namespace tether {

class MainWindow;

// The window's own D-Bus name and object (io.github.tether.Window1): a second `tether` and the
// service's notifications ("Open Tether") find the window here and bring it forward.
class WindowAdaptor final : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "io.github.tether.Window1")
    Q_DISABLE_COPY_MOVE(WindowAdaptor)

public:
    explicit WindowAdaptor(MainWindow &window, QObject *parent = nullptr);

    // Claims the window's bus name; false when another window has it.
    bool claim();

public Q_SLOTS:
    void ShowAccount(const QString &id);
    void EditAccount(const QString &id); // the window at the account's Edit dialog

private:
    MainWindow &m_window;
};

} // namespace tether
