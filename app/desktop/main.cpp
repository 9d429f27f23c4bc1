// shufflescope: the desktop app. Thin: parses the command line, opens the main window, and in
// --screenshot mode renders the window in the requested state to a PNG and exits.

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QThread>
#include <cstdio>

#include "main_window.h"
#include "startup_options.h"

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ShuffleScope"));
    QApplication::setApplicationName(QStringLiteral("ShuffleScope"));
    QApplication::setApplicationVersion(QStringLiteral(SHUFFLESCOPE_VERSION));

    using namespace shufflescope::ui;
    StartupOptions options;
    QString error;
    if (!parseStartupOptions(QApplication::arguments(), &options, &error)) {
        std::fprintf(stderr, "shufflescope: error: %s\n", qPrintable(error));
        return 1;
    }
    if (options.helpRequested) return 0;
    installTranslation(options);

    // Screenshots are reproducible: no saved settings, no animation mid-way.
    MainWindow window(!options.screenshot.has_value());
    if (!applyStartupOptions(window, options, &error)) {
        std::fprintf(stderr, "shufflescope: error: %s\n", qPrintable(error));
        return 1;
    }
    window.show();
    if (!options.screenshot) return QApplication::exec();
    return takeScreenshot(window, options, &error)
               ? 0
               : (std::fprintf(stderr, "shufflescope: error: %s\n", qPrintable(error)), 1);
}
