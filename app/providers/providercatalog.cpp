#include "providercatalog.h"

#include "core/paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>

namespace tether {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ProviderCatalog)
};

constexpr qint64 kMaxProfileSize = 256 * 1024;

} // namespace

ProviderCatalog ProviderCatalog::installed(const QStringList &extra)
{
    return fromDirectories(QStringList{QStringLiteral(":/providers")} + extra
                           + QStringList{paths::userProvidersDir()});
}

ProviderCatalog ProviderCatalog::fromDirectories(const QStringList &directories)
{
    ProviderCatalog catalog;
    for (const QString &dir : directories)
        catalog.addDirectory(dir);
    return catalog;
}

const ProviderProfile *ProviderCatalog::find(const QString &id) const
{
    for (const ProviderProfile &p : m_profiles) {
        if (p.id == id)
            return &p;
    }
    return nullptr;
}

void ProviderCatalog::addDirectory(const QString &directory)
{
    const QDir dir(directory);
    // Filtered here rather than with a name filter, which QDir compiles to a regular expression
    // (and maps PCRE into every process that lists profiles: docs/performance.md).
    const QStringList files = dir.entryList(QDir::Files, QDir::Name);
    for (const QString &name : files) {
        if (!name.endsWith(QLatin1String(".json")))
            continue;
        const QString path = dir.filePath(name);
        QFile file(path);
        if (file.size() > kMaxProfileSize) {
            m_warnings << Text::tr("%1: larger than 256 KiB, skipped").arg(path);
            continue;
        }
        if (!file.open(QIODevice::ReadOnly)) {
            m_warnings << QStringLiteral("%1: %2, skipped").arg(path, file.errorString());
            continue;
        }
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
            m_warnings << Text::tr("%1: not a JSON object (%2), skipped")
                                  .arg(path, parseError.errorString());
            continue;
        }
        QString error;
        const auto profile = ProviderProfile::fromJson(doc.object(), &error);
        if (!profile) {
            m_warnings << QStringLiteral("%1: %2, skipped").arg(path, error);
            continue;
        }
        if (profile->id + QStringLiteral(".json") != name) {
            m_warnings << QStringLiteral(
                                  "%1: its id is \"%2\"; the file must be named %2.json, skipped")
                                  .arg(path, profile->id);
            continue;
        }
        const auto existing =
                std::find_if(m_profiles.begin(), m_profiles.end(),
                             [&](const ProviderProfile &p) { return p.id == profile->id; });
        if (existing != m_profiles.end())
            *existing = *profile;
        else
            m_profiles.append(*profile);
    }
}

} // namespace tether
