# The checked build (scripts/check_sanitized.sh, its own build directory): everything compiled with
# AddressSanitizer (LeakSanitizer included) and UndefinedBehaviorSanitizer, any report fatal, so a
# test that triggers one fails. With SHUFFLESCOPE_FUZZ the code is also instrumented for libFuzzer's
# coverage (fuzzer-no-link) and the fuzz targets in fuzz/ are built; that needs clang.
option(SHUFFLESCOPE_SANITIZE "Build with AddressSanitizer + UndefinedBehaviorSanitizer" OFF)
option(SHUFFLESCOPE_FUZZ "Build the libFuzzer targets in fuzz/ (clang; implies SHUFFLESCOPE_SANITIZE)"
       OFF)

if(SHUFFLESCOPE_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "SHUFFLESCOPE_FUZZ needs clang (libFuzzer): configure with "
                            "-DCMAKE_CXX_COMPILER=clang++-14 (scripts/check_sanitized.sh does)")
    endif()
    set(SHUFFLESCOPE_SANITIZE ON)
endif()

if(SHUFFLESCOPE_SANITIZE)
    # -fno-sanitize-recover: an undefined behaviour report stops the program (UBSan would print it
    # and go on otherwise, and a test would pass). Frame pointers keep the reports' stacks whole.
    set(sanitize_flags -fsanitize=address,undefined -fno-sanitize-recover=all
        -fno-omit-frame-pointer)
    # The instrumentation keeps some `#pragma omp simd` loops from vectorising; clang says so for
    # each (-Wpass-failed). The checked build is not about speed.
    if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        list(APPEND sanitize_flags -Wno-pass-failed)
    endif()
    add_compile_options(${sanitize_flags})
    add_link_options(-fsanitize=address,undefined)
    if(SHUFFLESCOPE_FUZZ)
        add_compile_options(-fsanitize=fuzzer-no-link)
    endif()
endif()
