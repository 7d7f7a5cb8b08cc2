// The window lives in a module of its own, loaded by `tether` only to open it: every command
// (`tether token` above all, called by other programs all day) then starts without loading
// Qt Widgets, Qt Gui and their fonts and graphics libraries. The window is the service's client
// and nothing more; `tether --demo`, which runs a service inside, is demoentry.cpp.
#include "ui/guiapp.h"

#include <QtGlobal>

extern "C" Q_DECL_EXPORT int tether_run_gui(int argc, char **argv)
{
    return tether::startGui(argc, argv, tether::runGui);
}
