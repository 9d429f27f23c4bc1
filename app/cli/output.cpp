#include "output.h"

#include <exception>
#include <utility>

namespace shufflescope::cli {

namespace {

// The CLI is single-threaded where it reads and writes files (the engine's OpenMP loops never
// set an Activity), so one string is enough.
std::string& activityText() {
    static std::string text;
    return text;
}

}  // namespace

std::string jsonText(const nlohmann::json& value) {
    return value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

Activity::Activity(std::string what)
    : previous_(std::exchange(activityText(), std::move(what))),
      uncaught_(std::uncaught_exceptions()) {}

Activity::~Activity() {
    // Unwinding towards main()'s handler: the text stays, so the message names what was being
    // done when the exception was thrown.
    if (std::uncaught_exceptions() > uncaught_) return;
    activityText() = std::move(previous_);
}

const std::string& currentActivity() {
    return activityText();
}

}  // namespace shufflescope::cli
