// Presenter mode's words and sizes without a window: the badge's numbers are the engine's for the
// step (grouped vs dense), and the text grows with the screen, never below the teacher's choice.

#include <catch2/catch.hpp>

#include <memory>

#include "presenter/presenter_text.h"
#include "shufflescope/analysis/cost.h"
#include "support/model_configs.h"
#include "text/number_format.h"

using namespace shufflescope;
using namespace shufflescope::ui;
using testing_support::fashionConfig;

namespace {

Snapshot snapshotOf(const ModelConfig& config) {
    Snapshot s;
    s.network = std::make_shared<const Network>(Network::build(config));
    s.cost = computeCost(*s.network);
    return s;
}

int stepNamed(const Snapshot& s, const char* name) {
    const auto index = s.network->findStep(name);
    REQUIRE(index);
    return *index;
}

}  // namespace

TEST_CASE("the badge gives a grouped step's MACs and how many more dense would cost",
          "[presenter]") {
    const int g = GENERATE(2, 3, 8);
    const Snapshot s = snapshotOf(fashionConfig(g, false));
    const int step = stepNamed(s, "stages.1.2.pw1");
    const Network& n = *s.network;
    // From the shapes: H*W*Cout*(Cin/g), and dense g times that.
    const auto& st = n.step(step);
    const int inChannels = n.step(st.inputs.at(0)).out.channels;
    const long long macs = 1LL * st.out.height * st.out.width * st.out.channels * (inChannels / g);
    const PresenterFacts facts = presenterFacts(s, step);
    CHECK(facts.macs == formatMacsWithUnit(macs));
    CHECK(facts.comparison.contains(formatMacsWithUnit(macs * g)));
    CHECK(facts.comparison.contains(formatRatio(double(g))));
    CHECK(facts.configuration ==
          QStringLiteral("stages.1.2.pw1 \u00b7 g = %1 \u00b7 shuffle off \u00b7 0.5x \u00b7 "
                         "step %2 of %3")
              .arg(g)
              .arg(step + 1)
              .arg(n.stepCount()));
}

TEST_CASE("the badge says when a step has no multiply-adds or is not grouped", "[presenter]") {
    const Snapshot s = snapshotOf(fashionConfig(8));
    CHECK(presenterFacts(s, stepNamed(s, "stages.1.1.shuffle")).macs == formatMacsWithUnit(0));
    CHECK(presenterFacts(s, stepNamed(s, "stages.1.1.shuffle")).comparison ==
          QStringLiteral("no multiply-adds in this step"));
    CHECK(presenterFacts(s, stepNamed(s, "stages.1.1.dw")).comparison ==
          QStringLiteral("not grouped: the same as dense"));
}

TEST_CASE("presenter text is larger on larger screens and never below the teacher's size",
          "[presenter]") {
    CHECK(presenterFontScale({1280, 720}, 1.0) == Approx(1.5));
    CHECK(presenterFontScale({1920, 1080}, 1.0) == Approx(2.0));
    CHECK(presenterFontScale({1280, 720}, 1.8) == Approx(1.8));
    CHECK(presenterFontScale({800, 480}, 1.0) >= 1.3);
    CHECK(presenterFontScale({3840, 2160}, 1.0) <= 2.5);
}
