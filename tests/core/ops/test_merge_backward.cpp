// The unit merges' backwards (add and concat) against finite differences (support/gradient_check.h:
// the method, its tolerance, and the conventions every backward test pins).

#include <catch2/catch.hpp>

#include <vector>

#include "reference/naive_backward.h"
#include "shufflescope/ops/merge_backward.h"
#include "support/feature_maps.h"
#include "support/gradient_check.h"
#include "support/tensor_values.h"

using namespace shufflescope;
using namespace testing_support;
using naive64::dot;
using naive64::DVec;
using naive64::toDouble;

TEST_CASE("add and concat backward hand gradOut to their inputs", "[backward]") {
    const int ca = 3, cb = 5, h = 2, w = 3;
    const std::vector<float> a = randomValues(count(ca, h, w), 211);
    const std::vector<float> a2 = randomValues(count(ca, h, w), 212);
    const std::vector<float> b = randomValues(count(cb, h, w), 213);
    const DVec ad = toDouble(a), a2d = toDouble(a2), bd = toDouble(b);

    const std::vector<float> rAdd = randomValues(a.size(), 214);
    std::vector<float> gradA(a.size(), kNaN), gradA2(a.size(), kNaN);
    ops::addFeatureMapsBackward(mapOf(rAdd, ca, h, w), gradA.data(), gradA2.data());
    const DVec rAddD = toDouble(rAdd);
    auto addLossA = [&](const DVec& x) {
        DVec s = x;
        for (std::size_t i = 0; i < s.size(); ++i) s[i] += a2d[i];
        return dot(rAddD, s);
    };
    auto addLossB = [&](const DVec& x) {
        DVec s = x;
        for (std::size_t i = 0; i < s.size(); ++i) s[i] += ad[i];
        return dot(rAddD, s);
    };
    REQUIRE_GRADIENT("add dL/da", a, gradA, addLossA, kAllProbes);
    REQUIRE_GRADIENT("add dL/db", a2, gradA2, addLossB, kAllProbes);

    const std::vector<float> rCat = randomValues(a.size() + b.size(), 215);
    std::vector<float> gradCatA(a.size(), kNaN), gradCatB(b.size(), kNaN);
    ops::concatChannelsBackward(mapOf(rCat, ca + cb, h, w), ca, gradCatA.data(), gradCatB.data());
    const DVec rCatD = toDouble(rCat);
    auto catLossA = [&](const DVec& x) {
        DVec joined = x;
        joined.insert(joined.end(), bd.begin(), bd.end());
        return dot(rCatD, joined);
    };
    auto catLossB = [&](const DVec& x) {
        DVec joined = ad;
        joined.insert(joined.end(), x.begin(), x.end());
        return dot(rCatD, joined);
    };
    REQUIRE_GRADIENT("concat dL/da", a, gradCatA, catLossA, kAllProbes);
    REQUIRE_GRADIENT("concat dL/db", b, gradCatB, catLossB, kAllProbes);

    // A null output is skipped; the other is still written.
    std::vector<float> onlyB(b.size(), kNaN);
    ops::concatChannelsBackward(mapOf(rCat, ca + cb, h, w), ca, nullptr, onlyB.data());
    REQUIRE(onlyB == gradCatB);
    std::vector<float> onlyA(a.size(), kNaN);
    ops::addFeatureMapsBackward(mapOf(rAdd, ca, h, w), onlyA.data(), nullptr);
    REQUIRE(onlyA == gradA);
}
