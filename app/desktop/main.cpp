// shufflescope: the desktop app. Thin: parses the command line, opens the main window, and in
// --screenshot / --export-* mode renders the window in the requested state to files and exits.

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QThread>
#include <cstdio>
#include <string_view>

#include "main_window.h"
#include "startup_options.h"

namespace {

// --help and --version print and exit; they need no display, so they must work over SSH too.
bool onlyInformational(int argc, char** argv) {
    if (argc != 2) return false;
    const std::string_view flag = argv[1];
    return flag == "-h" || flag == "--help" || flag == "-?" || flag == "-v" || flag == "--version";
}

}  // namespace

int main(int argc, char** argv) {
    // Static: they hold before any application object exists.
    QCoreApplication::setOrganizationName(QStringLiteral("ShuffleScope"));
    QCoreApplication::setApplicationName(QStringLiteral("ShuffleScope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SHUFFLESCOPE_VERSION));
    using namespace shufflescope::ui;
    StartupOptions options;
    QString error;
    if (onlyInformational(argc, argv)) {
        const QCoreApplication noDisplay(argc, argv);
        return parseStartupOptions(QCoreApplication::arguments(), &options, &error) ? 0 : 1;
    }

    QApplication app(argc, argv);
    if (!parseStartupOptions(QApplication::arguments(), &options, &error)) {
        std::fprintf(stderr, "shufflescope: error: %s\n", qPrintable(error));
        return 1;
    }
    if (options.helpRequested) return 0;
    installTranslation(options);

    // Screenshots are reproducible: no saved settings, no animation mid-way.
    MainWindow window(!options.rendersAndExits());
    if (!applyStartupOptions(window, options, &error)) {
        std::fprintf(stderr, "shufflescope: error: %s\n", qPrintable(error));
        return 1;
    }
    window.show();
    // The keys are the window's shortcuts, which need the window active. A window manager
    // activates a new window itself; a bare X session (a kiosk, Xvfb) does not, and the first key
    // pressed would do nothing until the window was clicked.
    window.activateWindow();
    if (!options.rendersAndExits()) {
        // --step, --channel, --compare and --view need the first result; a bad value is a
        // message in the window, which keeps going.
        if (!applyViewOptions(window, options, &error)) window.showError(error);
        return QApplication::exec();
    }
    return takeScreenshot(window, options, &error)
               ? 0
               : (std::fprintf(stderr, "shufflescope: error: %s\n", qPrintable(error)), 1);
}
