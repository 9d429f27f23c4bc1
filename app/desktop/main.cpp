// shufflescope: the desktop app. Thin: parses the command line, opens the main window, and in
// --screenshot / --export-* mode renders the window in the requested state to files and exits.

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QIcon>
#include <QMessageBox>
#include <QThread>
#include <cstdio>
#include <string_view>

#include "desktop_man_page.h"
#include "main_window.h"
#include "shufflescope/base/asset_paths.h"
#include "shufflescope/base/error.h"
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
    // --man: the manual page, from the option table (the build captures it; not in --help).
    if (argc == 2 && std::string_view(argv[1]) == "--man") {
        std::fputs(shufflescope::desktop::desktopManPage(SHUFFLESCOPE_VERSION).c_str(), stdout);
        return 0;
    }
    if (onlyInformational(argc, argv)) {
        const QCoreApplication noDisplay(argc, argv);
        return parseStartupOptions(QCoreApplication::arguments(), &options, &error) ? 0 : 1;
    }

    QApplication app(argc, argv);
    // The installed menu entry and icon (packaging/): Wayland matches the window to the entry by
    // this name; X11 takes the window's icon from the theme (none in a build tree: no icon).
    QGuiApplication::setDesktopFileName(QStringLiteral("shufflescope"));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("shufflescope")));
    if (!parseStartupOptions(QApplication::arguments(), &options, &error)) {
        std::fprintf(stderr, "shufflescope: error: %s\n", qPrintable(error));
        return 1;
    }
    if (options.helpRequested) return 0;
    installTranslation(options);
    // Without its models, samples and lessons the app cannot show anything: say where it looked.
    try {
        (void)shufflescope::bundledAssetsDirectory();
    } catch (const shufflescope::Error& e) {
        std::fprintf(stderr, "shufflescope: error: %s\n", e.what());
        if (!options.rendersAndExits())
            QMessageBox::critical(nullptr, QStringLiteral("ShuffleScope"),
                                  QString::fromStdString(e.what()));
        return 1;
    }

    // Screenshots are reproducible: no saved settings, no animation mid-way.
    MainWindow window(!options.rendersAndExits());
    const bool applied = applyStartupOptions(window, options, &error);
    if (!applied) std::fprintf(stderr, "shufflescope: error: %s\n", qPrintable(error));
    // A file a file manager passed that cannot be opened is a message in the window, which
    // keeps going; a bad option, or anything when rendering, stops the start.
    if (!applied && (options.rendersAndExits() || options.filesGiven.isEmpty())) return 1;
    window.show();
    if (!applied) window.showError(error);
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
