#include "shufflescope/base/threading.h"

#include <omp.h>

#include <algorithm>

namespace shufflescope {

void setThreadCount(int threads) {
    omp_set_num_threads(std::max(1, threads));
}
int threadCount() {
    return omp_get_max_threads();
}

}  // namespace shufflescope
