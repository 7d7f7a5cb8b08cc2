// Loaded into the real `tether` window by `make bench` (LD_PRELOAD), so that the figure is the
// executable a user starts, its window module and its whole start-up, not a copy of them: once
// the window's list has painted BENCH_ROWS rows, the frame counts (firstframe.h). Nothing of it
// is in Tether.
#include "firstframe.h"

#include <QAbstractItemView>
#include <QCoreApplication>

namespace {

void watchForTheRows()
{
    const int rows = qEnvironmentVariableIntValue("BENCH_ROWS");
    QCoreApplication *app = QCoreApplication::instance();
    app->installEventFilter(new tether::bench::FirstFrame(
            [rows](QObject *watched) {
                const auto *view = qobject_cast<QAbstractItemView *>(watched->parent());
                return view && view->viewport() == watched && view->model()
                       && view->model()->rowCount() >= rows;
            },
            app));
}

} // namespace

// Called from QApplication's constructor, in the window module.
Q_COREAPP_STARTUP_FUNCTION(watchForTheRows)
