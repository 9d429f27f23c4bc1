#include "shufflescope/base/sentence.h"

#include <cassert>

namespace shufflescope {

std::string englishText(const std::vector<Sentence>& sentences) {
    std::string text;
    for (const Sentence& s : sentences) {
        assert(s.arguments.size() <= 9);
        // One pass, so an argument that itself contains "%2" is never substituted again.
        const std::string pattern = s.english;
        for (std::size_t i = 0; i < pattern.size(); ++i) {
            const char next = i + 1 < pattern.size() ? pattern[i + 1] : '\0';
            const auto index = std::size_t(next - '1');
            if (pattern[i] == '%' && next >= '1' && next <= '9' && index < s.arguments.size()) {
                text += s.arguments[index];
                ++i;
            } else {
                text += pattern[i];
            }
        }
    }
    return text;
}

}  // namespace shufflescope
