#pragma once
// Where the bundled assets (samples, trained checkpoints) live: $SHUFFLESCOPE_ASSETS if set, else
// the source tree's assets/ (the app runs from its build directory).

#include <QString>
#include <optional>

#include "shufflescope/model/config.h"

namespace shufflescope::ui {

QString assetsDirectory();
QString samplesDirectory();
QString lessonsDirectory();  // the bundled lessons (*.lesson)
// The preset's default sample image: the raccoon photo (imagenet) or a Fashion-MNIST sneaker.
QString defaultSampleFor(const ModelConfig& config);
// A bundled trained checkpoint for exactly this configuration, if one exists
// (assets/models/<preset>-g<g>-<shuffle|noshuffle>.safetensors).
std::optional<QString> bundledCheckpointFor(const ModelConfig& config);

}  // namespace shufflescope::ui
