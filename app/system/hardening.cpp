#include "hardening.h"

#include <sys/resource.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

namespace tether {

bool hardenProcess()
{
    const rlimit none{0, 0};
    bool ok = ::setrlimit(RLIMIT_CORE, &none) == 0;
#ifdef __linux__
    ok = ::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0 && ok;
#endif
    return ok;
}

} // namespace tether
