#pragma once
// Tensor: a dense float32 array with a shape, row-major (C order). Feature maps are NCHW:
// shape [N, C, H, W], element (n, c, h, w) at ((n*C + c)*H + h)*W + w. Parameters keep the
// PyTorch state-dict shapes (conv weight [Cout, Cin/g, K, K], BN vectors [C], FC weight [Out, In]).
// Storage is 64-byte aligned so vector loads over channels are aligned.

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <new>
#include <span>
#include <string>
#include <vector>

namespace shufflescope {

template <typename T, std::size_t Alignment>
struct AlignedAllocator {
    using value_type = T;
    AlignedAllocator() = default;
    template <typename U>
    AlignedAllocator(const AlignedAllocator<U, Alignment>&) noexcept {}
    template <typename U>
    struct rebind {
        using other = AlignedAllocator<U, Alignment>;
    };
    T* allocate(std::size_t n) {
        return static_cast<T*>(::operator new(n * sizeof(T), std::align_val_t(Alignment)));
    }
    void deallocate(T* p, std::size_t) noexcept {
        ::operator delete(p, std::align_val_t(Alignment));
    }
    friend bool operator==(const AlignedAllocator&, const AlignedAllocator&) { return true; }
};

using AlignedFloats = std::vector<float, AlignedAllocator<float, 64>>;

class Tensor {
  public:
    Tensor() = default;
    // Zero-initialised tensor of the given shape; every extent must be >= 0.
    explicit Tensor(std::vector<int64_t> shape);
    Tensor(std::initializer_list<int64_t> shape) : Tensor(std::vector<int64_t>(shape)) {}

    const std::vector<int64_t>& shape() const { return shape_; }
    int rank() const { return static_cast<int>(shape_.size()); }
    int64_t dim(int axis) const { return shape_.at(static_cast<std::size_t>(axis)); }
    int64_t size() const { return static_cast<int64_t>(values_.size()); }
    bool empty() const { return values_.empty(); }

    float* data() { return values_.data(); }
    const float* data() const { return values_.data(); }
    std::span<float> values() { return {values_.data(), values_.size()}; }
    std::span<const float> values() const { return {values_.data(), values_.size()}; }
    float& operator[](int64_t i) { return values_[static_cast<std::size_t>(i)]; }
    float operator[](int64_t i) const { return values_[static_cast<std::size_t>(i)]; }

    // Same data, new shape with the same element count (asserted).
    void reshape(std::vector<int64_t> shape);

    // "[1, 24, 112, 112]"
    std::string shapeString() const;

  private:
    std::vector<int64_t> shape_;
    AlignedFloats values_;
};

std::string shapeToString(const std::vector<int64_t>& shape);
int64_t elementCount(const std::vector<int64_t>& shape);

// A non-owning view of one image's feature map, layout CHW (channel-major, then rows).
struct FeatureMap {
    float* data;
    int channels, height, width;
    int64_t planeSize() const { return int64_t(height) * width; }
    float* channel(int c) const { return data + c * planeSize(); }
};
struct ConstFeatureMap {
    const float* data;
    int channels, height, width;
    ConstFeatureMap(const float* d, int c, int h, int w)
        : data(d), channels(c), height(h), width(w) {}
    ConstFeatureMap(FeatureMap m)
        : data(m.data), channels(m.channels), height(m.height), width(m.width) {}
    int64_t planeSize() const { return int64_t(height) * width; }
    const float* channel(int c) const { return data + c * planeSize(); }
};

// View of image n of an NCHW tensor (asserts rank 4).
FeatureMap imageOf(Tensor& t, int n);
ConstFeatureMap imageOf(const Tensor& t, int n);

}  // namespace shufflescope
