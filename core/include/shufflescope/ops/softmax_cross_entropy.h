#pragma once
// Softmax followed by the cross-entropy loss with an integer label (PyTorch's
// F.cross_entropy on logits), natural log, computed stably through log-sum-exp:
//   loss = log(sum_j exp(logits[j])) - logits[label]
//   gradLogits = softmax(logits) - onehot(label)
// softmaxCrossEntropy is ONE image: logits [K], label in [0, K), gradLogits [K] OVERWRITTEN
// (nullptr skips it). A trainer minimising the batch MEAN loss (PyTorch's default reduction)
// must divide these gradients by the batch size — or use the batch form, which does:
// softmaxCrossEntropyBatch: logits [N, K], labels [N], gradLogits [N, K] = (softmax - onehot)/N
//   (nullptr skips it); returns the mean loss over the N images.

namespace shufflescope::ops {

float softmaxCrossEntropy(const float* logits, int classes, int label, float* gradLogits);

float softmaxCrossEntropyBatch(const float* logits, int batch, int classes, const int* labels,
                               float* gradLogits);

}  // namespace shufflescope::ops
