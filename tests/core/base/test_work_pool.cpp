// The fast path's work pool (work_pool.h): every index runs exactly once, whatever the count and
// the thread count; a loop started while the pool is busy (from another thread, or from inside a
// body) runs on its caller; many short loops in a row (a forward pass's pattern) lose nothing.

#include <catch2/catch.hpp>

#include <atomic>
#include <thread>
#include <vector>

#include "shufflescope/base/threading.h"
#include "shufflescope/base/work_pool.h"

using namespace shufflescope;

namespace {

// Runs parallelFor(count) and returns how many times each index ran.
std::vector<int> visits(int64_t count) {
    std::vector<std::atomic<int>> seen(static_cast<std::size_t>(count));
    parallelFor(count, [&](int64_t i) { seen[std::size_t(i)].fetch_add(1); });
    std::vector<int> result;
    for (auto& s : seen) result.push_back(s.load());
    return result;
}

}  // namespace

TEST_CASE("the work pool runs every index exactly once", "[base]") {
    for (int threads : {1, 2, 3, 4}) {
        const ScopedThreadCount using_(threads);
        for (int64_t count : {0, 1, 2, 3, 5, 8, 64, 1000}) {
            CAPTURE(threads, count);
            const std::vector<int> seen = visits(count);
            REQUIRE(seen == std::vector<int>(std::size_t(count), 1));
        }
    }
}

TEST_CASE("the work pool keeps up with thousands of short loops in a row", "[base]") {
    const ScopedThreadCount using_(2);
    std::atomic<long long> sum{0};
    for (int loop = 0; loop < 5000; ++loop)
        parallelFor(loop % 7 + 1, [&](int64_t i) { sum.fetch_add(i + 1); });
    long long expected = 0;
    for (int loop = 0; loop < 5000; ++loop) expected += (loop % 7 + 1) * (loop % 7 + 2) / 2;
    REQUIRE(sum.load() == expected);
}

TEST_CASE("a loop started while the pool is busy runs on its own caller", "[base]") {
    const ScopedThreadCount using_(2);
    SECTION("from inside a body") {
        std::atomic<int> inner{0};
        parallelFor(4, [&](int64_t) { parallelFor(3, [&](int64_t) { inner.fetch_add(1); }); });
        REQUIRE(inner.load() == 12);
    }
    SECTION("from two threads at once") {
        std::atomic<long long> a{0}, b{0};
        std::thread other([&] {
            setThreadCount(2);
            for (int loop = 0; loop < 2000; ++loop)
                parallelFor(5, [&](int64_t i) { b.fetch_add(i); });
        });
        for (int loop = 0; loop < 2000; ++loop) parallelFor(5, [&](int64_t i) { a.fetch_add(i); });
        other.join();
        REQUIRE(a.load() == 2000 * 10);
        REQUIRE(b.load() == 2000 * 10);
    }
}
