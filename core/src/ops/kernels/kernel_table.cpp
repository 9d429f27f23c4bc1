#include "kernel_table.h"

namespace shufflescope::ops::kernels {

const KernelTable& kernelTable(InstructionSet set) {
#if defined(SHUFFLESCOPE_X86_KERNELS)
    if (set == InstructionSet::Avx512) return avx512::kTable;
    if (set == InstructionSet::Avx2) return avx2::kTable;
#endif
    (void)set;
    return portable::kTable;
}

}  // namespace shufflescope::ops::kernels
