#pragma once
// Parameters per (configuration, weights source), shared by inference jobs on worker threads.
// Random initialisation calibrates BN with a forward pass and checkpoints come from disk, so
// toggling g back and forth should not redo either. Thread-safe; keeps the most recent entries.

#include <QString>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>

#include "shufflescope/model/parameters.h"

namespace shufflescope::ui {

struct WeightsSource {
    std::optional<QString> checkpoint;  // none: random from kRandomSeed
};

inline constexpr unsigned kRandomSeed = 1;

struct CachedParameters {
    std::shared_ptr<const Parameters> parameters;
    bool trained = false;
    QString description;
    // From a trained checkpoint's metadata when it records them ("test_accuracy", "test_images").
    std::optional<double> testAccuracy;  // fraction correct
    int testImages = 0;                  // 0: not recorded
};

class ParameterCache {
  public:
    explicit ParameterCache(std::size_t capacity = 8) : capacity_(capacity) {}

    // Returns cached parameters, or makes them (throws shufflescope::Error for a bad checkpoint).
    CachedParameters get(const Network& network, const WeightsSource& source);

  private:
    struct Entry {
        std::string key;
        CachedParameters value;
    };
    std::size_t capacity_;
    std::mutex mutex_;
    std::deque<Entry> entries_;  // most recent first
};

}  // namespace shufflescope::ui
