#pragma once

#include "core/callback.h"

#include <QObject>

namespace tether {

// "Start at login", one setting wherever it is shown. Where the session has a systemd user
// manager that knows Tether's unit (the package installs tether.service), it is that unit
// enabled or not; elsewhere an XDG autostart entry that runs `tether --hidden`. Turning it on
// takes away the other kind, so there is only ever one. Inside a Flatpak sandbox neither can be
// reached: the Background portal (org.freedesktop.portal.Background) writes the entry outside
// it, and the choice is remembered inside (the portal cannot be asked for it).
class StartAtLogin final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StartAtLogin)

public:
    static inline const QString kUnit = QStringLiteral("tether.service");

    explicit StartAtLogin(QObject *parent = nullptr);

    bool isEnabled() const { return m_enabled; }
    bool usesSystemd() const { return m_systemd; }
    bool usesPortal() const { return m_portal; }
    void setEnabled(bool enabled, const Done &done);

    // The autostart entry's path ($XDG_CONFIG_HOME/autostart/io.github.tether.Tether.desktop).
    static QString autostartFile();

Q_SIGNALS:
    void changed(bool enabled);

private Q_SLOTS:
    void portalResponded(uint response, const QVariantMap &results);

private:
    void requestBackground(bool enabled, const Done &done);
    Done endRequest(); // stops listening for the request's Response; its callback, once
    static QString portalChoiceFile();
    void probeSystemd(); // asks the user manager whether it knows the unit, and its state
    bool writeAutostart(bool enabled);
    void setFound(bool enabled);

    bool m_systemd = false;
    bool m_portal = false;
    bool m_enabled = false;
    QString m_requestPath; // the portal request waiting for its Response
    bool m_requested = false;
    Done m_requestDone;
};

} // namespace tether
