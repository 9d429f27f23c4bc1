#pragma once
// What presenter mode writes on the screen, as plain functions of a snapshot (tested without a
// display): the step's cost as one badge — its MACs, and grouped against dense — and the small
// line that says where in the network the class is and in which configuration.

#include <QSize>
#include <QString>

#include "session/snapshot.h"

namespace shufflescope::ui {

struct PresenterFacts {
    QString macs;           // the badge's headline: "1.2 M MACs" (number_format)
    QString comparison;     // under it: grouped vs dense, "dense would be 9.4 M MACs, 8.00x more"
    QString configuration;  // "stages.1.3.shuffle · g = 8 · shuffle on · 0.5x · step 12 of 60"
};

// The facts for step `step` of `snapshot`: the numbers are the engine's (snapshot.cost, as the
// cost panel shows them).
PresenterFacts presenterFacts(const Snapshot& snapshot, int step);

// The text size presenter mode uses on a screen of `screen` pixels: large enough to read from the
// back of a room (1.5 on a 1280x720 projector, 2 at 1920x1080), never smaller than the size the
// teacher had chosen.
double presenterFontScale(QSize screen, double current);

}  // namespace shufflescope::ui
