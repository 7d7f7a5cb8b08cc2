#pragma once

#include "providerprofile.h"

#include <QStringList>

namespace tether {

// The built-in profiles (compiled in from resources/providers) plus any the user drops into
// $XDG_DATA_HOME/tether/providers. A user profile with a built-in id replaces the built-in one.
// A broken user profile is skipped and reported; it never hides the others.
class ProviderCatalog final
{
public:
    // What Tether runs with: the built-in profiles, then `extra` directories (the demo's), then
    // the user's. The one place the product's catalog is made.
    static ProviderCatalog installed(const QStringList &extra = {});
    // Exactly these directories, in order (tests).
    static ProviderCatalog fromDirectories(const QStringList &directories);

    const QList<ProviderProfile> &profiles() const { return m_profiles; }
    const ProviderProfile *find(const QString &id) const;
    const QStringList &warnings() const { return m_warnings; }

private:
    void addDirectory(const QString &directory);

    QList<ProviderProfile> m_profiles;
    QStringList m_warnings;
};

} // namespace tether
