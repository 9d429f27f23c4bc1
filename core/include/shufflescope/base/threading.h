#pragma once
// The engine's thread count: OpenMP's setting for the calling thread, which the work pool
// (work_pool.h) reads too. Operators parallelise across channels, groups and pixel blocks; Eigen's
// own threading is off so the two never oversubscribe the cores.

namespace shufflescope {

void setThreadCount(int threads);  // clamps to >= 1
int threadCount();

// The calling thread's count for a scope, then the previous one back (a pool thread that runs a
// measurement on one thread hands the next job the count it expects).
class ScopedThreadCount {
  public:
    explicit ScopedThreadCount(int threads) : previous_(threadCount()) { setThreadCount(threads); }
    ~ScopedThreadCount() { setThreadCount(previous_); }
    ScopedThreadCount(const ScopedThreadCount&) = delete;
    ScopedThreadCount& operator=(const ScopedThreadCount&) = delete;

  private:
    int previous_;
};

}  // namespace shufflescope
