#include "shufflescope/base/tensor.h"

#include <cassert>
#include <sstream>

namespace shufflescope {

int64_t elementCount(const std::vector<int64_t>& shape) {
    int64_t n = 1;
    for (int64_t extent : shape) n *= extent;
    return n;
}

std::string shapeToString(const std::vector<int64_t>& shape) {
    std::ostringstream out;
    out << '[';
    for (std::size_t i = 0; i < shape.size(); ++i) out << (i ? ", " : "") << shape[i];
    out << ']';
    return out.str();
}

Tensor::Tensor(std::vector<int64_t> shape) : shape_(std::move(shape)) {
    for ([[maybe_unused]] int64_t extent : shape_) assert(extent >= 0);
    values_.assign(static_cast<std::size_t>(elementCount(shape_)), 0.0f);
}

void Tensor::reshape(std::vector<int64_t> shape) {
    assert(elementCount(shape) == size());
    shape_ = std::move(shape);
}

std::string Tensor::shapeString() const {
    return shapeToString(shape_);
}

FeatureMap imageOf(Tensor& t, int n) {
    assert(t.rank() == 4 && n >= 0 && n < t.dim(0));
    const int c = int(t.dim(1)), h = int(t.dim(2)), w = int(t.dim(3));
    return {t.data() + int64_t(n) * c * h * w, c, h, w};
}

ConstFeatureMap imageOf(const Tensor& t, int n) {
    assert(t.rank() == 4 && n >= 0 && n < t.dim(0));
    const int c = int(t.dim(1)), h = int(t.dim(2)), w = int(t.dim(3));
    return {t.data() + int64_t(n) * c * h * w, c, h, w};
}

}  // namespace shufflescope
