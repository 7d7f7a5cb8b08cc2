#pragma once

#include <QUrl>

#include <functional>

namespace tether {

// Opens a URL in the user's own browser (never an embedded view). Returns whether something
// was started; the caller prints the URL either way when nothing was.
using BrowserOpener = std::function<bool(const QUrl &url)>;

// $BROWSER when it is set (a ':'-separated list of commands, "%s" standing for the URL, as the
// convention has it), otherwise xdg-open. The window replaces this with QDesktopServices.
bool openInBrowser(const QUrl &url);

} // namespace tether
