#include "shufflescope/base/reporting.h"

#include <algorithm>
#include <cassert>

namespace shufflescope {

double median(std::vector<double> values) {
    assert(!values.empty());
    const auto middle = values.begin() + std::ptrdiff_t(values.size() / 2);
    std::nth_element(values.begin(), middle, values.end());
    if (values.size() % 2 == 1) return *middle;
    return (*middle + *std::max_element(values.begin(), middle)) / 2;
}

std::string withThousandsSeparators(long long value) {
    std::string digits = std::to_string(value < 0 ? -value : value);
    for (int i = int(digits.size()) - 3; i > 0; i -= 3) digits.insert(std::size_t(i), ",");
    return (value < 0 ? "-" : "") + digits;
}

}  // namespace shufflescope
