#pragma once
// The engine's thread count (OpenMP). Operators parallelise across channels, groups and pixel
// blocks; Eigen's own threading is off so the two never oversubscribe the cores.

namespace shufflescope {

void setThreadCount(int threads);  // clamps to >= 1
int threadCount();

}  // namespace shufflescope
