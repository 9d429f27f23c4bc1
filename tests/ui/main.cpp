// Catch2 runner for the GUI tests: one QApplication for the whole run. CTest starts it under
// xvfb-run (the feature-map canvas needs OpenGL).
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QApplication>

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ShuffleScopeTests"));
    QApplication::setApplicationName(QStringLiteral("ShuffleScopeTests"));
    return Catch::Session().run(argc, argv);
}
