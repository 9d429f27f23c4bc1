#include "session/scene.h"

#include "text/engine_text.h"

namespace shufflescope::ui {

QString sceneErrorText(const SceneError& error) {
    return QString::fromStdString(error.field) + QStringLiteral(": ") + engineText({error.reason});
}

}  // namespace shufflescope::ui
