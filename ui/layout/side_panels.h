#pragma once
// How wide the two side panels (the network tree on the left, prediction and cost on the right)
// may be, and whether they show at all, for a window of a given width. The centre — the operation
// view, the teaching diagram — comes first: the panels give way before it does, the right one
// first (its figures are also in the operation header and the tree), then the left.
// A pure function, testable without a display; MainWindow applies it on every resize and text
// size change.

namespace shufflescope::ui {

enum class SidePanelMode {
    Automatic,  // shown while the centre keeps its share (the default)
    Shown,      // the user asked for them (H): shown whatever the width
    Hidden,     // the user hid them (H)
};

struct SidePanelFit {
    bool showLeft = true, showRight = true;
    int leftWidth = 0, rightWidth = 0;  // pixels, when shown
};

// The step tree never takes more than this share of the window's width...
inline constexpr double kMaxLeftShare = 0.2;
// ...and the panels together must leave the centre at least this share, or they collapse.
inline constexpr double kMinCentreShare = 0.5;

// leftWanted: the tree's comfortable width at this text size; rightNeeded: the width the
// prediction and cost panel's content needs not to be cut.
SidePanelFit fitSidePanels(int windowWidth, int leftWanted, int rightNeeded, SidePanelMode mode);

}  // namespace shufflescope::ui
