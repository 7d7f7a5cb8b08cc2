#include "paths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace tether::paths {

namespace {
QString g_profile;

QString withProfile(const QString &dir)
{
    return g_profile.isEmpty() ? dir : dir + QLatin1Char('/') + g_profile;
}
} // namespace

void setProfileName(const QString &name)
{
    g_profile = name;
}

QString configDir()
{
    return withProfile(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
                       + QStringLiteral("/tether"));
}

QString accountsFile()
{
    return configDir() + QStringLiteral("/accounts.json");
}

QString accessFile()
{
    return configDir() + QStringLiteral("/access.json");
}

QString userProvidersDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
           + QStringLiteral("/tether/providers");
}

QString runtimeDir()
{
    // QStandardPaths checks XDG_RUNTIME_DIR (owner, 0700) and falls back to a private temp dir.
    QString dir = withProfile(QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation)
                              + QStringLiteral("/tether"));
    if (!QFileInfo::exists(dir)) {
        QDir().mkpath(dir);
        QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    return dir;
}

QString keychainService()
{
    return g_profile.isEmpty() ? QStringLiteral("tether") : QStringLiteral("tether-") + g_profile;
}

} // namespace tether::paths
