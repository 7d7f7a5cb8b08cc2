#pragma once

#include "refresh/waketimer.h"

namespace tether::test {

// A WakeTimer that only records what it was asked; tests fire it or report a clock change.
class ManualWakeTimer final : public WakeTimer
{
    Q_OBJECT

public:
    void arm(const QDateTime &deadlineUtc) override
    {
        deadline = deadlineUtc;
        ++arms;
    }
    void disarm() override { deadline = {}; }
    bool isArmed() const override { return deadline.isValid(); }

    void fire() { Q_EMIT timerFired(); }
    void clockChanged() { Q_EMIT wallClockChanged(); }

    QDateTime deadline;
    int arms = 0;
};

} // namespace tether::test
