#include "requesthead.h"

#include <QIODevice>
#include <QTimer>

#include <memory>

namespace tether {

void readRequestHead(QIODevice *device, QObject *context, const QByteArray &terminator,
                     qint64 maxBytes, int deadlineMs, const RequestHeadHandlers &handlers)
{
    auto *deadline = new QTimer(device); // a slow or silent client is dropped
    deadline->setSingleShot(true);
    QObject::connect(deadline, &QTimer::timeout, device, handlers.abort);
    deadline->start(deadlineMs);
    // Owned by the readyRead connection below, so they go with the device.
    auto head = std::make_shared<QByteArray>();
    auto reading = std::make_shared<QMetaObject::Connection>();
    *reading = QObject::connect(device, &QIODevice::readyRead, context,
                                [device, head, deadline, reading, terminator, maxBytes, handlers] {
                                    *head += device->read(maxBytes + 1 - head->size());
                                    const bool tooLarge = head->size() > maxBytes;
                                    const qsizetype end = tooLarge ? -1 : head->indexOf(terminator);
                                    if (!tooLarge && end < 0)
                                        return;
                                    deadline->stop();
                                    QObject::disconnect(*reading); // one request per connection
                                    if (tooLarge)
                                        return handlers.tooLarge();
                                    handlers.complete(head->left(end));
                                });
}

} // namespace tether
