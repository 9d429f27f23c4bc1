#include "shufflescope/ops/softmax_cross_entropy.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdint>

namespace shufflescope::ops {

float softmaxCrossEntropy(const float* logits, int classes, int label, float* gradLogits) {
    assert(classes >= 1 && label >= 0 && label < classes);
    // log-sum-exp around the largest logit: no exp overflows, the largest term is exactly 1.
    const float peak = *std::max_element(logits, logits + classes);
    double sum = 0.0;
    for (int j = 0; j < classes; ++j) sum += std::exp(double(logits[j]) - peak);
    const double logSumExp = double(peak) + std::log(sum);
    if (gradLogits) {
        for (int j = 0; j < classes; ++j)
            gradLogits[j] = float(std::exp(double(logits[j]) - logSumExp));
        gradLogits[label] -= 1.0f;
    }
    return float(logSumExp - double(logits[label]));
}

float softmaxCrossEntropyBatch(const float* logits, int batch, int classes, const int* labels,
                               float* gradLogits) {
    assert(batch >= 1);
    double total = 0.0;
    const float scale = 1.0f / float(batch);
    for (int n = 0; n < batch; ++n) {
        const int64_t offset = int64_t(n) * classes;
        float* grad = gradLogits ? gradLogits + offset : nullptr;
        total += softmaxCrossEntropy(logits + offset, classes, labels[n], grad);
        if (grad)
            for (int j = 0; j < classes; ++j) grad[j] *= scale;
    }
    return float(total / batch);
}

}  // namespace shufflescope::ops
