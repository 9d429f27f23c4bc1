#pragma once
// What shufflescope-cli prints besides its results: JSON that never fails to print, and the
// activity named when memory runs out.

#include <nlohmann/json.hpp>
#include <string>

namespace shufflescope::cli {

// The JSON document, indented by 2. Strings that are not UTF-8 (a path the file system allows,
// read from the command line) are printed with U+FFFD for their bad bytes instead of making the
// dump throw.
std::string jsonText(const nlohmann::json& value);

// While one lives, it names what the command is doing ("reading the checkpoint FILE"), for the
// message main() prints if memory runs out (std::bad_alloc) on the way. They nest; the innermost
// is named. One destroyed by an exception leaves its text in place for main()'s handler.
class Activity {
  public:
    explicit Activity(std::string what);
    ~Activity();
    Activity(const Activity&) = delete;
    Activity& operator=(const Activity&) = delete;

  private:
    std::string previous_;
    int uncaught_;  // std::uncaught_exceptions() when it began
};

// The innermost live Activity's text ("" when none).
const std::string& currentActivity();

}  // namespace shufflescope::cli
