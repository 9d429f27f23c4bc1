#include "layout/side_panels.h"

#include <algorithm>

namespace shufflescope::ui {

SidePanelFit fitSidePanels(int windowWidth, int leftWanted, int rightNeeded, SidePanelMode mode) {
    SidePanelFit fit;
    fit.leftWidth = std::min(leftWanted, int(kMaxLeftShare * windowWidth));
    fit.rightWidth = rightNeeded;
    switch (mode) {
        case SidePanelMode::Hidden:
            fit.showLeft = fit.showRight = false;
            break;
        case SidePanelMode::Shown:
            break;
        case SidePanelMode::Automatic: {
            const int centreMinimum = int(kMinCentreShare * windowWidth);
            fit.showRight = windowWidth - fit.leftWidth - rightNeeded >= centreMinimum;
            fit.showLeft = windowWidth - fit.leftWidth >= centreMinimum;
            break;
        }
    }
    return fit;
}

}  // namespace shufflescope::ui
