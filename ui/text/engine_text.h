#pragma once
// The engine's English texts in the interface language: class names (Fashion-MNIST's ten, or
// "class N"), so a Chinese classroom reads 运动鞋 rather than Sneaker, a configuration's one-line
// description, and the note on where its channel widths come from. The command-line tool keeps the
// engine's English.

#include <QString>
#include <vector>

#include "shufflescope/base/sentence.h"
#include "shufflescope/model/channel_widths.h"
#include "shufflescope/model/config.h"

namespace shufflescope::ui {

QString displayClassLabel(const ModelConfig& config, int index);

// A bundled sample's name for a menu or list: "fashion-ankle-boot" is shown as the class it
// depicts (Ankle boot, translated); any other name with its dashes as spaces ("raccoon").
QString sampleDisplayName(const QString& fileBaseName);

// A configuration in one line (core's describe(): "fashion, g=3, 0.5x, shuffle on, 1x32x32, ..."),
// word for word in English; the preset keeps its command-line name.
QString describeConfig(const ModelConfig& config);

// The engine's sentences (shufflescope/base/sentence.h) in the interface language: each template
// translated, then its arguments filled in. In English, word for word the engine's text.
QString engineText(const std::vector<Sentence>& sentences);

// Where the widths come from, and why (ChannelWidths::noteSentences).
QString widthsNote(const ChannelWidths& widths);

// The English names marked for translation, in label order (tests compare them with the engine's).
QStringList translatableFashionClassNames();

}  // namespace shufflescope::ui
