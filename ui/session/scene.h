#pragma once
// The window's side of a Scene (shufflescope/tutor/scene.h, where the value and its checks live):
// its error in the interface language.
//
//   MainWindow::applyScene(scene)  checks every field first (against the network the scene's
//                                  configuration builds) and applies all of them or none;
//   MainWindow::scene()            reads the current state back as a Scene with every field set.

#include <QString>

#include "shufflescope/tutor/scene.h"

namespace shufflescope::ui {

// "field: reason", the reason translated.
QString sceneErrorText(const SceneError& error);

}  // namespace shufflescope::ui
