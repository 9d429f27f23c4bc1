#pragma once
// Where the bundled assets (samples, trained checkpoints, lessons) live: $SHUFFLESCOPE_ASSETS if
// set, else share/shufflescope beside the executable's folder — installed, or the build tree's
// link to the source's assets/ (shufflescope/base/asset_paths.h).

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
