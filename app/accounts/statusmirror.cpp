#include "statusmirror.h"

#include "accounts/engine.h"
#include "accounts/refreshtiming.h"

namespace tether {

void mirrorBundle(AccountStatus &s, const SecretBundle &bundle, const Engine &engine,
                  const QDateTime &lastAttempt)
{
    s.generation = bundle.generation;
    s.hasClientSecret = !bundle.clientSecret.isEmpty();
    s.hasTokens = bundle.tokens.has_value();
    if (!bundle.tokens) {
        s.accessIssuedAt = s.accessExpiresAt = s.refreshExpiresAt = s.nextRefreshAt = {};
        s.hasRefreshToken = false;
        return;
    }
    const TokenSet &t = *bundle.tokens;
    s.state = AccountState::Connected;
    s.accessIssuedAt = t.accessIssuedAt;
    s.accessExpiresAt = t.accessExpiresAt;
    s.refreshExpiresAt = t.refreshExpiresAt;
    s.hasRefreshToken = !t.refreshToken.isEmpty();
    s.nextRefreshAt = s.hasRefreshToken ? timing::nextRefresh(t.accessIssuedAt, t.accessExpiresAt,
                                                              engine.jitter(), lastAttempt)
                                        : QDateTime();
}

} // namespace tether
