#pragma once
// The main window as the window and keyboard tests drive it: 1400x900, animations off, shown and
// exposed on the (virtual) display.

#include <catch2/catch.hpp>

#include <QTest>

#include "main_window.h"
#include "session/session.h"
#include "ui_test_support.h"

namespace ui_testing {

struct ShownMainWindow {
    shufflescope::ui::MainWindow window{false};
    ShownMainWindow() {
        window.resize(1400, 900);
        window.setAnimationsEnabled(false);
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window, kExposeTimeoutMs));
    }
    shufflescope::ui::Session& session() { return window.session(); }
    // Waits until the session's jobs are done and it shows a snapshot.
    void idle() {
        REQUIRE(session().waitUntilIdle(60000));
        REQUIRE(session().snapshot());
    }
};

}  // namespace ui_testing
