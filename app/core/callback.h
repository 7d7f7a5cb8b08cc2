#pragma once

#include "core/failure.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>
#include <optional>

namespace tether {

// A reply to an asynchronous call, bound to a context object: it runs only while the context
// lives, so a caller that is closed (a dialog, a window) before the reply comes is never
// called back. Copyable; calling an empty one does nothing.
template<typename... Args>
class Callback
{
public:
    Callback() = default;
    Callback(QObject *context, std::function<void(Args...)> function)
        : m_context(context), m_function(std::move(function))
    { }

    void operator()(Args... args) const
    {
        if (m_context && m_function)
            m_function(args...);
    }
    QObject *context() const { return m_context; }

private:
    QPointer<QObject> m_context;
    std::function<void(Args...)> m_function;
};

// How an operation on an account ended: a failure, or a one-line summary of what was done; and
// what the user should know either way (tolerated oddities of a server's response, a revocation
// that was not confirmed).
struct Outcome
{
    std::optional<Failure> failure;
    QString summary; // "disconnected bank: the provider revoked its tokens"
    QStringList notes;

    bool ok() const { return !failure.has_value(); }
    static Outcome failed(const Failure &failure, const QStringList &notes = {})
    {
        return {failure, {}, notes};
    }
    static Outcome done(const QString &summary, const QStringList &notes = {})
    {
        return {std::nullopt, summary, notes};
    }
};

using Done = Callback<const Outcome &>;

} // namespace tether
