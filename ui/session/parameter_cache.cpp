#include "session/parameter_cache.h"

#include <QCoreApplication>
#include <QFileInfo>

#include "shufflescope/io/checkpoint.h"
#include "shufflescope/io/config_json.h"
#include "shufflescope/model/initialization.h"

namespace shufflescope::ui {

CachedParameters ParameterCache::get(const Network& network, const WeightsSource& source) {
    const std::string key = configToJson(network.config()).dump() + "|" +
                            (source.checkpoint ? source.checkpoint->toStdString() : "random");
    {
        std::lock_guard lock(mutex_);
        for (auto it = entries_.begin(); it != entries_.end(); ++it)
            if (it->key == key) {
                Entry hit = *it;
                entries_.erase(it);
                entries_.push_front(hit);
                return hit.value;
            }
    }
    // Made outside the lock: two jobs may both make the same entry, which is harmless.
    CachedParameters made;
    if (source.checkpoint) {
        Checkpoint checkpoint = readCheckpoint(source.checkpoint->toStdString());
        checkParameters(network, checkpoint.parameters, source.checkpoint->toStdString());
        made.trained = checkpoint.info.trained;
        made.description = QFileInfo(*source.checkpoint).fileName();
        made.testAccuracy = checkpoint.info.testAccuracy;
        made.testImages = checkpoint.info.testImages.value_or(0);
        made.parameters = std::make_shared<const Parameters>(std::move(checkpoint.parameters));
    } else {
        made.parameters =
            std::make_shared<const Parameters>(randomParameters(network, kRandomSeed));
        made.description =
            QCoreApplication::translate("ParameterCache", "random (seed %1)").arg(kRandomSeed);
    }
    std::lock_guard lock(mutex_);
    entries_.push_front({key, made});
    if (entries_.size() > capacity_) entries_.pop_back();
    return made;
}

}  // namespace shufflescope::ui
