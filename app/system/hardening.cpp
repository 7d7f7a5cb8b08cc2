#include "hardening.h"

#include <sys/resource.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

namespace tether {

bool refuseCoreDumps()
{
    const rlimit none{0, 0};
    return ::setrlimit(RLIMIT_CORE, &none) == 0;
}

bool refuseTracing()
{
#ifdef __linux__
    return ::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0;
#else
    return false;
#endif
}

bool hardenProcess()
{
    const bool cores = refuseCoreDumps();
    return refuseTracing() && cores;
}

} // namespace tether
