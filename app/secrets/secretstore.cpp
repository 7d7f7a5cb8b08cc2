#include "secretstore.h"

namespace tether {

void SecretJob::complete(const SecretResult &result)
{
    if (m_done)
        return;
    m_done = true;
    Q_EMIT secretJobFinished(result);
    deleteLater();
}

} // namespace tether
