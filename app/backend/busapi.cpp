#include "busapi.h"

#include "core/isotime.h"

#include <QCoreApplication>
#include <QDBusArgument>
#include <QDBusMetaType>
#include <QDBusVariant>
#include <QHash>
#include <QTimeZone>

namespace tether::bus {

namespace {

QString instant(const QDateTime &t)
{
    return isotime::write(t);
}

// A dictionary inside a variant arrives as a QDBusArgument.
QVariantMap nested(const QVariant &value)
{
    if (value.canConvert<QDBusArgument>())
        return qdbus_cast<QVariantMap>(value.value<QDBusArgument>());
    return value.toMap();
}

std::optional<QString> optionalString(const QVariantMap &map, const QString &key)
{
    return map.contains(key) ? std::optional(map.value(key).toString()) : std::nullopt;
}

} // namespace

QVariantMap statusMap(const Account &account)
{
    const AccountStatus &s = account.status;
    QVariantMap lastError;
    if (s.lastError)
        lastError = {{QStringLiteral("code"), s.lastError->code},
                     {QStringLiteral("message"), s.lastError->message}};
    return {
            {QStringLiteral("id"), account.config.id},
            {QStringLiteral("name"), account.config.name},
            {QStringLiteral("provider"), account.config.provider},
            {QStringLiteral("state"), nameOf(s.state)},
            {QStringLiteral("access_expires_at"), instant(s.accessExpiresAt)},
            {QStringLiteral("refresh_expires_at"), instant(s.refreshExpiresAt)},
            {QStringLiteral("last_refresh_at"), instant(s.lastRefreshAt)},
            {QStringLiteral("next_refresh_at"), instant(s.nextRefreshAt)},
            {QStringLiteral("last_error"), s.lastError ? QVariant(lastError) : QVariant(QString())},
            {QStringLiteral("access_issued_at"), instant(s.accessIssuedAt)},
            {QStringLiteral("last_error_kind"),
             s.lastError ? nameOf(s.lastError->kind) : QString()},
            {QStringLiteral("has_refresh_token"), s.hasTokens && s.hasRefreshToken},
            {QStringLiteral("allow_insecure_http"), account.config.allowInsecureHttp},
            // The window offers device sign-in by it (with the provider's default).
            {QStringLiteral("device_authorization_endpoint"),
             account.config.deviceAuthorizationEndpoint},
    };
}

QVariantMap accountMap(const Account &account)
{
    QVariantMap map = statusMap(account);
    map.insert(settingsMap(account.config));
    map.insert(QStringLiteral("has_client_secret"), account.status.hasClientSecret);
    return map;
}

namespace {

// One account read field by field, from a map or straight from the message (accountsFromList):
// the same keys either way. Unknown keys are skipped; absent ones keep their defaults.
class AccountFields
{
public:
    enum class Field {
        Id,
        Name,
        Provider,
        ClientId,
        Scope,
        Issuer,
        TokenEndpoint,
        AuthorizationEndpoint,
        RevocationEndpoint,
        DeviceAuthorizationEndpoint,
        RedirectUri,
        ClientAuth,
        AllowInsecureHttp,
        State,
        AccessIssuedAt,
        AccessExpiresAt,
        RefreshExpiresAt,
        LastRefreshAt,
        NextRefreshAt,
        LastError,
        LastErrorKind,
        HasRefreshToken,
        HasClientSecret,
    };

    void take(const QString &key, const QVariant &value)
    {
        static const QHash<QString, Field> fields{
                {QStringLiteral("id"), Field::Id},
                {QStringLiteral("name"), Field::Name},
                {QStringLiteral("provider"), Field::Provider},
                {QStringLiteral("client_id"), Field::ClientId},
                {QStringLiteral("scope"), Field::Scope},
                {QStringLiteral("issuer"), Field::Issuer},
                {QStringLiteral("token_endpoint"), Field::TokenEndpoint},
                {QStringLiteral("authorization_endpoint"), Field::AuthorizationEndpoint},
                {QStringLiteral("revocation_endpoint"), Field::RevocationEndpoint},
                {QStringLiteral("device_authorization_endpoint"),
                 Field::DeviceAuthorizationEndpoint},
                {QStringLiteral("redirect_uri"), Field::RedirectUri},
                {QStringLiteral("client_auth"), Field::ClientAuth},
                {QStringLiteral("allow_insecure_http"), Field::AllowInsecureHttp},
                {QStringLiteral("state"), Field::State},
                {QStringLiteral("access_issued_at"), Field::AccessIssuedAt},
                {QStringLiteral("access_expires_at"), Field::AccessExpiresAt},
                {QStringLiteral("refresh_expires_at"), Field::RefreshExpiresAt},
                {QStringLiteral("last_refresh_at"), Field::LastRefreshAt},
                {QStringLiteral("next_refresh_at"), Field::NextRefreshAt},
                {QStringLiteral("last_error"), Field::LastError},
                {QStringLiteral("last_error_kind"), Field::LastErrorKind},
                {QStringLiteral("has_refresh_token"), Field::HasRefreshToken},
                {QStringLiteral("has_client_secret"), Field::HasClientSecret},
        };
        const auto found = fields.constFind(key);
        if (found == fields.constEnd())
            return;
        AccountConfig &c = m_account.config;
        AccountStatus &s = m_account.status;
        switch (*found) {
        case Field::Id:
            c.id = value.toString();
            break;
        case Field::Name:
            c.name = value.toString();
            break;
        case Field::Provider:
            c.provider = value.toString();
            break;
        case Field::ClientId:
            c.clientId = value.toString();
            break;
        case Field::Scope:
            c.scope = value.toString();
            break;
        case Field::Issuer:
            c.issuer = value.toString();
            break;
        case Field::TokenEndpoint:
            c.tokenEndpoint = value.toString();
            break;
        case Field::AuthorizationEndpoint:
            c.authorizationEndpoint = value.toString();
            break;
        case Field::RevocationEndpoint:
            c.revocationEndpoint = value.toString();
            break;
        case Field::DeviceAuthorizationEndpoint:
            c.deviceAuthorizationEndpoint = value.toString();
            break;
        case Field::RedirectUri:
            c.redirectUri = value.toString();
            break;
        case Field::ClientAuth:
            c.clientAuth = clientAuthFromString(value.toString());
            break;
        case Field::AllowInsecureHttp:
            c.allowInsecureHttp = value.toBool();
            break;
        case Field::State:
            s.state = accountStateFromString(value.toString()).value_or(AccountState::NotConnected);
            break;
        case Field::AccessIssuedAt:
            s.accessIssuedAt = isotime::read(value.toString());
            break;
        case Field::AccessExpiresAt:
            s.accessExpiresAt = isotime::read(value.toString());
            break;
        case Field::RefreshExpiresAt:
            s.refreshExpiresAt = isotime::read(value.toString());
            break;
        case Field::LastRefreshAt:
            s.lastRefreshAt = isotime::read(value.toString());
            break;
        case Field::NextRefreshAt:
            s.nextRefreshAt = isotime::read(value.toString());
            break;
        case Field::LastError:
            m_error = nested(value);
            break;
        case Field::LastErrorKind:
            m_errorKind = value.toString();
            break;
        case Field::HasRefreshToken:
            s.hasRefreshToken = value.toBool();
            break;
        case Field::HasClientSecret:
            s.hasClientSecret = value.toBool();
            break;
        }
    }

    Account finish()
    {
        AccountStatus &s = m_account.status;
        if (!m_error.isEmpty()) {
            Failure f;
            f.code = m_error.value(QStringLiteral("code")).toString();
            f.message = m_error.value(QStringLiteral("message")).toString();
            f.kind = failureKindFromString(m_errorKind).value_or(FailureKind::Unexpected);
            s.lastError = f;
        }
        s.hasTokens = s.accessExpiresAt.isValid();
        return std::move(m_account);
    }

private:
    Account m_account;
    QVariantMap m_error;
    QString m_errorKind;
};

} // namespace

Account accountFromMap(const QVariantMap &map)
{
    AccountFields fields;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        fields.take(it.key(), it.value());
    return fields.finish();
}

QList<Account> accountsFromList(const QDBusArgument &list)
{
    // Read entry by entry: building 1,000 QVariantMaps and looking each key up in them was most
    // of the window's start with many accounts (docs/performance.md).
    QList<Account> accounts;
    list.beginArray();
    while (!list.atEnd()) {
        AccountFields fields;
        list.beginMap();
        while (!list.atEnd()) {
            QString key;
            QDBusVariant value;
            list.beginMapEntry();
            list >> key >> value;
            list.endMapEntry();
            fields.take(key, value.variant());
        }
        list.endMap();
        accounts.append(fields.finish());
    }
    list.endArray();
    return accounts;
}

std::optional<Failure> checkSettingsMap(const QVariantMap &map, bool edit)
{
    static const QStringList strings{
            QStringLiteral("id"),
            QStringLiteral("name"),
            QStringLiteral("provider"),
            QStringLiteral("client_id"),
            QStringLiteral("scope"),
            QStringLiteral("issuer"),
            QStringLiteral("token_endpoint"),
            QStringLiteral("authorization_endpoint"),
            QStringLiteral("revocation_endpoint"),
            QStringLiteral("device_authorization_endpoint"),
            QStringLiteral("redirect_uri"),
            QStringLiteral("client_auth"),
    };
    const auto refuse = [](const QString &message, const QString &key) {
        return Failure::badInput(message, QStringLiteral("bad_setting"))
                .withField(QString(key).replace(QLatin1Char('_'), QLatin1Char('-')));
    };
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        const QString &key = it.key();
        const QMetaType type = it.value().metaType();
        if (key == QLatin1String("allow_insecure_http")) {
            if (type != QMetaType::fromType<bool>())
                return refuse(QCoreApplication::translate("BusApi", "the setting %1 must be a "
                                                                    "boolean")
                                      .arg(key),
                              key);
        } else if (strings.contains(key) || (edit && key == QLatin1String("client_secret"))) {
            if (type != QMetaType::fromType<QString>())
                return refuse(QCoreApplication::translate("BusApi", "the setting %1 must be a "
                                                                    "string")
                                      .arg(key),
                              key);
        } else {
            return refuse(QCoreApplication::translate("BusApi", "there is no setting \"%1\"")
                                  .arg(key.left(60)),
                          QString());
        }
    }
    const QString auth = map.value(QStringLiteral("client_auth")).toString();
    if (!auth.isEmpty() && !clientAuthFromString(auth))
        return refuse(QCoreApplication::translate("BusApi", "the client authentication must be "
                                                            "basic, post or none"),
                      QStringLiteral("client_auth"));
    return std::nullopt;
}

QVariantMap settingsMap(const AccountConfig &c)
{
    return {
            {QStringLiteral("id"), c.id},
            {QStringLiteral("name"), c.name},
            {QStringLiteral("provider"), c.provider},
            {QStringLiteral("client_id"), c.clientId},
            {QStringLiteral("scope"), c.scope},
            {QStringLiteral("issuer"), c.issuer},
            {QStringLiteral("token_endpoint"), c.tokenEndpoint},
            {QStringLiteral("authorization_endpoint"), c.authorizationEndpoint},
            {QStringLiteral("revocation_endpoint"), c.revocationEndpoint},
            {QStringLiteral("device_authorization_endpoint"), c.deviceAuthorizationEndpoint},
            {QStringLiteral("redirect_uri"), c.redirectUri},
            {QStringLiteral("client_auth"), c.clientAuth ? nameOf(*c.clientAuth) : QString()},
            {QStringLiteral("allow_insecure_http"), c.allowInsecureHttp},
    };
}

AccountConfig settingsFromMap(const QVariantMap &map)
{
    AccountConfig c;
    c.id = map.value(QStringLiteral("id")).toString();
    c.name = map.value(QStringLiteral("name")).toString();
    c.provider = map.value(QStringLiteral("provider")).toString();
    c.clientId = map.value(QStringLiteral("client_id")).toString();
    c.scope = map.value(QStringLiteral("scope")).toString();
    c.issuer = map.value(QStringLiteral("issuer")).toString();
    c.tokenEndpoint = map.value(QStringLiteral("token_endpoint")).toString();
    c.authorizationEndpoint = map.value(QStringLiteral("authorization_endpoint")).toString();
    c.revocationEndpoint = map.value(QStringLiteral("revocation_endpoint")).toString();
    c.deviceAuthorizationEndpoint =
            map.value(QStringLiteral("device_authorization_endpoint")).toString();
    c.redirectUri = map.value(QStringLiteral("redirect_uri")).toString();
    c.clientAuth = clientAuthFromString(map.value(QStringLiteral("client_auth")).toString());
    c.allowInsecureHttp = map.value(QStringLiteral("allow_insecure_http")).toBool();
    return c;
}

QVariantMap editMap(const AccountEdit &e)
{
    QVariantMap map;
    auto put = [&](const char *key, const std::optional<QString> &value) {
        if (value)
            map.insert(QString::fromLatin1(key), *value);
    };
    put("name", e.name);
    put("client_id", e.clientId);
    put("client_secret", e.clientSecret);
    put("scope", e.scope);
    put("issuer", e.issuer);
    put("token_endpoint", e.tokenEndpoint);
    put("authorization_endpoint", e.authorizationEndpoint);
    put("revocation_endpoint", e.revocationEndpoint);
    put("device_authorization_endpoint", e.deviceAuthorizationEndpoint);
    put("redirect_uri", e.redirectUri);
    if (e.clientAuth)
        map.insert(QStringLiteral("client_auth"),
                   *e.clientAuth ? nameOf(**e.clientAuth) : QString());
    if (e.allowInsecureHttp)
        map.insert(QStringLiteral("allow_insecure_http"), *e.allowInsecureHttp);
    return map;
}

AccountEdit editFromMap(const QVariantMap &map)
{
    AccountEdit e;
    e.name = optionalString(map, QStringLiteral("name"));
    e.clientId = optionalString(map, QStringLiteral("client_id"));
    e.clientSecret = optionalString(map, QStringLiteral("client_secret"));
    e.scope = optionalString(map, QStringLiteral("scope"));
    e.issuer = optionalString(map, QStringLiteral("issuer"));
    e.tokenEndpoint = optionalString(map, QStringLiteral("token_endpoint"));
    e.authorizationEndpoint = optionalString(map, QStringLiteral("authorization_endpoint"));
    e.revocationEndpoint = optionalString(map, QStringLiteral("revocation_endpoint"));
    e.deviceAuthorizationEndpoint =
            optionalString(map, QStringLiteral("device_authorization_endpoint"));
    e.redirectUri = optionalString(map, QStringLiteral("redirect_uri"));
    if (map.contains(QStringLiteral("client_auth")))
        e.clientAuth = clientAuthFromString(map.value(QStringLiteral("client_auth")).toString());
    if (map.contains(QStringLiteral("allow_insecure_http")))
        e.allowInsecureHttp = map.value(QStringLiteral("allow_insecure_http")).toBool();
    return e;
}

QVariantMap progressMap(const SignInProgress &p)
{
    QVariantMap map{{QStringLiteral("url"), p.url.toString(QUrl::FullyEncoded)},
                    {QStringLiteral("browser_opened"), p.browserOpened},
                    {QStringLiteral("notice"), p.notice}};
    if (p.device) {
        map.insert(QStringLiteral("user_code"), p.device->userCode);
        map.insert(QStringLiteral("verification_uri"),
                   p.device->verificationUri.toString(QUrl::FullyEncoded));
        map.insert(QStringLiteral("verification_uri_complete"),
                   p.device->verificationUriComplete.toString(QUrl::FullyEncoded));
        map.insert(QStringLiteral("code_expires_at"), p.device->expiresAt.toSecsSinceEpoch());
    }
    return map;
}

SignInProgress progressFromMap(const QVariantMap &map)
{
    SignInProgress p;
    p.url = QUrl(map.value(QStringLiteral("url")).toString());
    p.browserOpened = map.value(QStringLiteral("browser_opened")).toBool();
    p.notice = map.value(QStringLiteral("notice")).toString();
    if (map.contains(QStringLiteral("user_code"))) {
        DeviceCode code;
        code.userCode = map.value(QStringLiteral("user_code")).toString();
        code.verificationUri = QUrl(map.value(QStringLiteral("verification_uri")).toString());
        code.verificationUriComplete =
                QUrl(map.value(QStringLiteral("verification_uri_complete")).toString());
        code.expiresAt = QDateTime::fromSecsSinceEpoch(
                map.value(QStringLiteral("code_expires_at")).toLongLong(), QTimeZone::utc());
        p.device = code;
    }
    return p;
}

QVariantMap outcomeMap(const Outcome &outcome)
{
    QVariantMap map{{QStringLiteral("ok"), outcome.ok()},
                    {QStringLiteral("summary"), outcome.summary},
                    {QStringLiteral("notes"), outcome.notes}};
    if (outcome.failure) {
        map.insert(QStringLiteral("kind"), nameOf(outcome.failure->kind));
        map.insert(QStringLiteral("code"), outcome.failure->code);
        map.insert(QStringLiteral("message"), outcome.failure->message);
        map.insert(QStringLiteral("field"), outcome.failure->field);
    }
    return map;
}

Outcome outcomeFromMap(const QVariantMap &map)
{
    Outcome outcome;
    outcome.summary = map.value(QStringLiteral("summary")).toString();
    outcome.notes = map.value(QStringLiteral("notes")).toStringList();
    if (!map.value(QStringLiteral("ok")).toBool()) {
        Failure f;
        f.kind = failureKindFromString(map.value(QStringLiteral("kind")).toString())
                         .value_or(FailureKind::Unexpected);
        f.code = map.value(QStringLiteral("code")).toString();
        f.message = map.value(QStringLiteral("message")).toString();
        f.field = map.value(QStringLiteral("field")).toString();
        outcome.failure = f;
    }
    return outcome;
}

QVariantMap historyMap(const HistoryEntry &e)
{
    return {{QStringLiteral("at"), e.at.toSecsSinceEpoch()},
            {QStringLiteral("outcome"), e.outcome},
            {QStringLiteral("http_status"), e.httpStatus},
            {QStringLiteral("message"), e.message}};
}

HistoryEntry historyFromMap(const QVariantMap &map)
{
    return {QDateTime::fromSecsSinceEpoch(map.value(QStringLiteral("at")).toLongLong(),
                                          QTimeZone::utc()),
            map.value(QStringLiteral("outcome")).toString(),
            map.value(QStringLiteral("http_status")).toInt(),
            map.value(QStringLiteral("message")).toString()};
}

QVariantMap accessMap(const AccessDecision &d)
{
    return {{QStringLiteral("program"), d.program},
            {QStringLiteral("decision"), nameOf(d.verdict)},
            {QStringLiteral("decided_at"), isotime::write(d.decidedAt)},
            {QStringLiteral("last_used_at"), isotime::write(d.lastUsedAt)},
            {QStringLiteral("reason"), d.reason}};
}

AccessDecision accessFromMap(const QString &account, const QVariantMap &map)
{
    AccessDecision d;
    d.account = account;
    d.program = map.value(QStringLiteral("program")).toString();
    d.verdict = map.value(QStringLiteral("decision")).toString() == QLatin1String("allow")
                        ? AccessDecision::Verdict::Allow
                        : AccessDecision::Verdict::Deny;
    d.decidedAt = isotime::read(map.value(QStringLiteral("decided_at")).toString());
    d.lastUsedAt = isotime::read(map.value(QStringLiteral("last_used_at")).toString());
    d.reason = map.value(QStringLiteral("reason")).toString();
    return d;
}

QString decisionWord(std::optional<AccessDecision::Verdict> verdict)
{
    return verdict ? nameOf(*verdict) : QStringLiteral("forget");
}

bool verdictFromWord(const QString &word, std::optional<AccessDecision::Verdict> *verdict)
{
    if (word == QLatin1String("allow"))
        *verdict = AccessDecision::Verdict::Allow;
    else if (word == QLatin1String("deny"))
        *verdict = AccessDecision::Verdict::Deny;
    else if (word == QLatin1String("forget"))
        *verdict = std::nullopt;
    else
        return false;
    return true;
}

qint64 unixTime(const QDateTime &t)
{
    return t.isValid() ? t.toSecsSinceEpoch() : 0;
}

QDateTime fromUnixTime(qint64 seconds)
{
    // UTC as a time spec, not a QTimeZone: a QDateTime holding a zone lives on the heap and
    // computes through it (ListAccountRows reads five per account).
    if (seconds <= 0)
        return {};
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    return QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::UTC);
#else
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC);
#endif
}

} // namespace tether::bus
