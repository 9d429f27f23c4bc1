#pragma once
// The message of the shufflescope::Error an action throws, for tests that check what a refusal
// says.

#include <string>

#include "shufflescope/base/error.h"

namespace testing_support {

// The Error message, or "" if `action` did not throw Error.
template <typename Action>
std::string errorFrom(Action&& action) {
    try {
        action();
    } catch (const shufflescope::Error& error) {
        return error.what();
    }
    return "";
}

}  // namespace testing_support
