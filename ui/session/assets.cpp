#include "session/assets.h"

#include <QDir>
#include <QFileInfo>

#include "shufflescope/base/asset_paths.h"

namespace shufflescope::ui {

QString assetsDirectory() {
    // Found once: the executable does not move while it runs. Without assets the app has already
    // refused to start (app/desktop/main.cpp), so the empty fall-back is never shown.
    static const QString directory =
        QString::fromStdString(findAssetsDirectory().value_or(std::string()));
    return directory;
}

QString samplesDirectory() {
    return QDir(assetsDirectory()).filePath(QStringLiteral("samples"));
}

QString lessonsDirectory() {
    return QDir(assetsDirectory()).filePath(QStringLiteral("lessons"));
}

QString defaultSampleFor(const ModelConfig& config) {
    const char* name = config.preset == "fashion" ? "fashion-sneaker.png" : "raccoon.png";
    return QDir(samplesDirectory()).filePath(QString::fromLatin1(name));
}

std::optional<QString> bundledCheckpointFor(const ModelConfig& config) {
    if (config != presetConfig(config.preset)) {
        // Bundled models exist only for a preset's geometry with some g and shuffle setting.
        ModelConfig base = presetConfig(config.preset);
        base.groups = config.groups;
        base.shuffle = config.shuffle;
        if (config != base) return std::nullopt;
    }
    const QString name =
        QStringLiteral("%1-g%2-%3.safetensors")
            .arg(QString::fromStdString(config.preset))
            .arg(config.groups)
            .arg(config.shuffle ? QStringLiteral("shuffle") : QStringLiteral("noshuffle"));
    const QString path = QDir(assetsDirectory()).filePath(QStringLiteral("models/") + name);
    if (QFileInfo::exists(path)) return path;
    return std::nullopt;
}

}  // namespace shufflescope::ui
