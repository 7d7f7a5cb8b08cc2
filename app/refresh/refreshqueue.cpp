#include "refreshqueue.h"

namespace tether {

RefreshQueue::RefreshQueue(const Engine &engine, QObject *parent)
    : QObject(parent), m_engine(engine)
{ }

RefreshQueue::~RefreshQueue() = default;

void RefreshQueue::enqueue(const QString &id)
{
    if (m_running.contains(id) || m_queue.contains(id))
        return;
    m_queue.append(id);
    pump();
}

void RefreshQueue::run(const QString &id, RefreshOperation::Mode mode, const Reply &reply)
{
    m_waiting[id].append(reply);
    if (m_running.contains(id))
        return; // one refresh per account at a time: join the one under way
    m_queue.removeAll(id);
    start(id, mode);
}

void RefreshQueue::setPaused(bool paused)
{
    m_paused = paused;
    pump();
}

void RefreshQueue::drain(const std::function<void()> &done)
{
    m_draining = true;
    m_queue.clear();
    if (m_running.isEmpty())
        return done();
    m_drained = done;
}

void RefreshQueue::pump()
{
    if (m_draining) {
        if (m_running.isEmpty() && m_drained)
            std::exchange(m_drained, {})();
        return;
    }
    while (!m_paused && !m_queue.isEmpty() && m_running.size() < kMaxParallel)
        start(m_queue.takeFirst(), RefreshOperation::Mode::Force);
}

void RefreshQueue::start(const QString &id, RefreshOperation::Mode mode)
{
    if (m_draining) {
        RefreshResult result;
        result.failure =
                Failure::temporary(QStringLiteral("quitting"), tr("Tether is quitting; try again"));
        for (const Reply &reply : m_waiting.take(id))
            reply(result);
        return;
    }
    m_running.insert(id);
    Q_EMIT refreshStarted(id);
    auto *operation = new RefreshOperation(m_engine, id, mode, this);
    connect(operation, &RefreshOperation::refreshFinished, this,
            [this, operation, id](const RefreshResult &result) {
                operation->deleteLater();
                m_running.remove(id);
                Q_EMIT refreshFinished(id, result);
                for (const Reply &reply : m_waiting.take(id))
                    reply(result);
                pump();
            });
    operation->start();
}

} // namespace tether
