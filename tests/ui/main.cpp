// Catch2 runner for the GUI tests: one QApplication for the whole run, on the private Xvfb display
// CTest runs each test on (tests/with_display.sh; the feature-map canvas needs OpenGL). Listing
// the tests needs no QApplication and so no display: catch_discover_tests lists them after every
// build, and a developer can list them anywhere.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QApplication>
#include <string_view>

namespace {

// Whether the command line asks Catch only for a listing or for help, so that no test runs.
bool onlyLists(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        for (const std::string_view option :
             {"-l", "--list-tests", "-t", "--list-tags", "--list-test-names-only",
              "--list-reporters", "-h", "-?", "--help"})
            if (arg == option) return true;
    }
    return false;
}

}  // namespace

int main(int argc, char** argv) {
    if (onlyLists(argc, argv)) return Catch::Session().run(argc, argv);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ShuffleScopeTests"));
    QApplication::setApplicationName(QStringLiteral("ShuffleScopeTests"));
    return Catch::Session().run(argc, argv);
}
