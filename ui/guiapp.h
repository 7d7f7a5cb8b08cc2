#pragma once

#include <thread>

class QApplication;

namespace tether {

// Qt reads the system's fonts (fontconfig's configuration and caches, then an entry for every
// font) when the first widget measures text: the largest single cost of the window's start
// (docs/performance.md). QFontDatabase is thread-safe, so this reads them on a thread of its own
// while the window loads its style and icon and connects to the bus; the first widget that
// measures text then waits, on Qt's own lock, only for what is left. Made right after the
// QApplication, gone before it (the destructor waits for the thread, which has long finished).
class FontsReadAhead
{
public:
    FontsReadAhead();
    ~FontsReadAhead();
    FontsReadAhead(const FontsReadAhead &) = delete;
    FontsReadAhead &operator=(const FontsReadAhead &) = delete;

private:
    std::thread m_thread;
};

// Both window modules' start (guientry.cpp, demoentry.cpp): the QApplication, the fonts read
// ahead, and what every window sets up before its first widget (the style, the translations, the
// icon, the desktop file it belongs to); then `run`, until the window is done.
int startGui(int argc, char **argv, int (*run)(QApplication &app));

// The window: a client of the session's service (started if it is not running), one per
// session. It links no engine, no network and no keychain: the service does that work.
int runGui(QApplication &app);

} // namespace tether
