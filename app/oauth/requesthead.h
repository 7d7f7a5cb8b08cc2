#pragma once

#include <QByteArray>

#include <functional>

class QIODevice;
class QObject;

namespace tether {

// What to do with the one request a local server reads from a connection it just accepted.
struct RequestHeadHandlers
{
    std::function<void(const QByteArray &head)> complete; // the bytes before the terminator
    std::function<void()> tooLarge; // more than the cap arrived without a terminator
    std::function<void()> abort; // drops the connection (the deadline passed)
};

// Reads a request head from `device` (a socket just accepted): bytes up to `terminator`, never
// more than `maxBytes`, within `deadlineMs`, or the connection is aborted. Exactly one handler
// runs; after it, nothing more is read from the device here. The deadline timer is a child of
// the device, so everything goes with it; `context` owns the reading.
void readRequestHead(QIODevice *device, QObject *context, const QByteArray &terminator,
                     qint64 maxBytes, int deadlineMs, const RequestHeadHandlers &handlers);

} // namespace tether
