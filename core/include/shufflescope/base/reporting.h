#pragma once
// Numbers as the engine reports them: measured times summarised by their median, and counts
// written with thousands separators ("294,912"), shared by the CLI and the tutor's answers.

#include <string>
#include <vector>

namespace shufflescope {

// The median (the mean of the two middle values for an even count); values must not be empty.
double median(std::vector<double> values);

// 294912 -> "294,912"; -1500 -> "-1,500".
std::string withThousandsSeparators(long long value);

}  // namespace shufflescope
