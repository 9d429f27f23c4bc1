#include "shufflescope/base/instruction_set.h"

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace shufflescope {

namespace {

InstructionSet probe() {
#if defined(SHUFFLESCOPE_X86_KERNELS)
    __builtin_cpu_init();
    // AVX-512 kernels use F, VL, DQ and BW; the AVX2 ones AVX2 and FMA. The OS must save the
    // wider registers too, which __builtin_cpu_supports checks (through XGETBV) in GCC and clang.
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl") &&
        __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512bw"))
        return InstructionSet::Avx512;
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))
        return InstructionSet::Avx2;
#endif
    return InstructionSet::Portable;
}

InstructionSet capped(InstructionSet wanted) {
    const InstructionSet best = detectedInstructionSet();
    return int(wanted) < int(best) ? wanted : best;
}

InstructionSet fromEnvironment() {
    const char* value = std::getenv("SHUFFLESCOPE_ISA");
    if (!value || !*value || std::strcmp(value, "avx512") == 0)
        return capped(InstructionSet::Avx512);
    if (std::strcmp(value, "portable") == 0) return InstructionSet::Portable;
    if (std::strcmp(value, "avx2") == 0) return capped(InstructionSet::Avx2);
    // Said once, on the first kernel built; the engine has no other channel before a command
    // runs, and a benchmark must not silently measure another path than the one asked for.
    std::fprintf(stderr,
                 "warning: SHUFFLESCOPE_ISA=%s is not one of portable, avx2, avx512: ignored\n",
                 value);
    return capped(InstructionSet::Avx512);
}

std::atomic<InstructionSet>& active() {
    static std::atomic<InstructionSet> set{fromEnvironment()};
    return set;
}

}  // namespace

InstructionSet detectedInstructionSet() {
    static const InstructionSet detected = probe();
    return detected;
}

InstructionSet activeInstructionSet() {
    return active().load(std::memory_order_relaxed);
}

InstructionSet setInstructionSet(InstructionSet set) {
    const InstructionSet chosen = capped(set);
    active().store(chosen, std::memory_order_relaxed);
    return chosen;
}

std::vector<InstructionSet> supportedInstructionSets() {
    std::vector<InstructionSet> sets;
    for (InstructionSet s :
         {InstructionSet::Portable, InstructionSet::Avx2, InstructionSet::Avx512})
        if (int(s) <= int(detectedInstructionSet())) sets.push_back(s);
    return sets;
}

std::string instructionSetName(InstructionSet set) {
    switch (set) {
        case InstructionSet::Avx512:
            return "avx512";
        case InstructionSet::Avx2:
            return "avx2";
        case InstructionSet::Portable:
            break;
    }
    return "portable";
}

}  // namespace shufflescope
