#include "support/kernel_variants.h"

#include <catch2/catch.hpp>

#include "shufflescope/base/threading.h"

namespace testing_support {

using shufflescope::InstructionSet;

void forEachKernelVariant(const std::function<void(InstructionSet, int)>& body) {
    const InstructionSet before = shufflescope::activeInstructionSet();
    struct Restore {
        InstructionSet set;
        ~Restore() { shufflescope::setInstructionSet(set); }
    } restore{before};
    for (InstructionSet set : shufflescope::supportedInstructionSets())
        for (int threads : {1, 2}) {
            REQUIRE(shufflescope::setInstructionSet(set) == set);
            const shufflescope::ScopedThreadCount using_(threads);
            INFO("instruction set " << shufflescope::instructionSetName(set) << ", " << threads
                                    << " thread(s)");
            body(set, threads);
        }
}

}  // namespace testing_support
