#pragma once
// The bundled lessons: every *.lesson file of a folder (assets/lessons/), in file-name order —
// the files are numbered, "01-convolution-cost.lesson", so the order is the course's.

#include <string>
#include <vector>

namespace shufflescope {

// The paths of `directory`'s *.lesson files, sorted by file name; empty when there are none.
// Throws Error naming the folder when it cannot be read.
std::vector<std::string> lessonFilesIn(const std::string& directory);

}  // namespace shufflescope
