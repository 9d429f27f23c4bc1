// The side panels give way to the teaching diagram: pure layout, no display needed.

#include <catch2/catch.hpp>

#include "layout/side_panels.h"

using namespace shufflescope::ui;

TEST_CASE("side panels: the tree never takes more than a fifth of the window", "[window]") {
    for (int width : {1024, 1280, 1920, 3840}) {
        CAPTURE(width);
        const SidePanelFit fit = fitSidePanels(width, 480, 300, SidePanelMode::Automatic);
        CHECK(fit.leftWidth <= width / 5);
        CHECK(fit.leftWidth == std::min(480, int(kMaxLeftShare * width)));
    }
}

TEST_CASE("side panels: the right one collapses first when the centre would get under half",
          "[window]") {
    // 1280 wide: a 256-px tree and a 330-px cost panel leave the centre 694 px (54%): both show.
    SidePanelFit fit = fitSidePanels(1280, 478, 330, SidePanelMode::Automatic);
    CHECK(fit.showLeft);
    CHECK(fit.showRight);
    // Projector text makes the cost panel 570 px: the centre would get 35%, so it goes.
    fit = fitSidePanels(1280, 478, 570, SidePanelMode::Automatic);
    CHECK(fit.showLeft);
    CHECK_FALSE(fit.showRight);
    // On a 1920-px screen the same panel fits.
    fit = fitSidePanels(1920, 478, 570, SidePanelMode::Automatic);
    CHECK(fit.showLeft);
    CHECK(fit.showRight);
}

TEST_CASE("side panels: the user's choice (H) wins over the automatic fit", "[window]") {
    SidePanelFit fit = fitSidePanels(1280, 478, 570, SidePanelMode::Shown);
    CHECK(fit.showLeft);
    CHECK(fit.showRight);
    CHECK(fit.rightWidth == 570);
    fit = fitSidePanels(3840, 478, 300, SidePanelMode::Hidden);
    CHECK_FALSE(fit.showLeft);
    CHECK_FALSE(fit.showRight);
}
