// The operation view's title block, without painting: inside the view's area, the name whole
// wherever it can be, the kind beside it or on a line of its own, every fact piece whole, and the
// step's picture below the rule.

#include <catch2/catch.hpp>

#include "shufflescope/analysis/cost.h"
#include "views/operation/operation_header_layout.h"

using namespace shufflescope;
using namespace shufflescope::ui;

namespace {

Network networkWith(int groups, const char* preset) {
    ModelConfig c = presetConfig(preset);
    c.groups = groups;
    return Network::build(c);
}

QRectF box(const OperationHeaderLayout::Line& line) {
    return {line.at.x(), line.at.y(), line.text.width, lineHeight(line.text.font)};
}

}  // namespace

TEST_CASE("operation header layout: every step, inside the area, the picture below the rule",
          "[layout]") {
    const int groups = GENERATE(1, 3, 8);
    const char* preset = GENERATE("imagenet", "fashion");
    const double width = GENERATE(260.0, 520.0, 900.0, 1600.0);
    const double fontScale = GENERATE(0.75, 1.0, 1.8, 2.5);
    CAPTURE(groups, preset, width, fontScale);
    const Network network = networkWith(groups, preset);
    const CostReport cost = computeCost(network);
    const QRectF area(14, 11, width, 600);
    for (int i = 0; i < network.stepCount(); ++i) {
        const Step& step = network.step(i);
        CAPTURE(step.name);
        const OperationHeaderLayout h =
            layoutOperationHeader(step, cost.steps[std::size_t(i)], area, fontScale);
        CHECK(box(h.name).left() == area.left());
        CHECK(box(h.name).right() <= area.right() + 0.5);
        double bottom = box(h.name).bottom();
        if (h.kindBeside) {
            // On the name's line, right of it, whole and at nearly the name's size.
            const QRectF kind = box(h.kindBesideName);
            CHECK(kind.left() == Approx(box(h.name).right()));
            CHECK(kind.right() <= area.right() + 0.5);
            CHECK_FALSE(h.kindBesideName.text.elided);
            CHECK(h.kindBesideName.text.text ==
                  QStringLiteral("  ·  ") + OperationPainter::kindDescription(step));
        } else {
            // Under the name, no wider than the area.
            CHECK(h.kindRect.top() >= box(h.name).bottom() - 0.5);
            CHECK(h.kindOwnLine.width <= area.width() + 0.5);
            CHECK_FALSE(h.kindOwnLine.lines.isEmpty());
            bottom = h.kindRect.top() + h.kindOwnLine.height;
        }
        // The facts: one line after another, each inside the area; every piece is whole on one
        // line (pieces are never split between lines).
        REQUIRE_FALSE(h.facts.empty());
        CHECK(h.facts.size() <= std::size_t(h.pieces.size()));
        for (const OperationHeaderLayout::Line& line : h.facts) {
            CHECK(box(line).top() >= bottom - 0.5);
            CHECK(box(line).right() <= area.right() + 0.5);
            bottom = box(line).bottom();
        }
        for (const QString& piece : h.pieces) {
            CAPTURE(piece);
            const bool whole = std::any_of(h.facts.begin(), h.facts.end(), [&](const auto& line) {
                return line.text.text.split(QStringLiteral("  ·  ")).contains(piece);
            });
            // A piece wider than the area on its own is the only thing that may be elided.
            CHECK((whole || textWidth(viewFont(fontScale), piece) * 0.85 > area.width()));
        }
        // The rule under all the text, across the area; the body under the rule, inside the area.
        CHECK(h.rule.y1() >= bottom - 0.5);
        CHECK(h.rule.x1() == area.left());
        CHECK(h.rule.x2() == area.right());
        CHECK(h.body.top() > h.rule.y1());
        CHECK(h.body.left() == area.left());
        CHECK(h.body.width() == area.width());
        CHECK(h.body.bottom() == Approx(area.bottom()));
    }
}

TEST_CASE(
    "operation header layout: the kind moves under the name, the facts onto more lines, "
    "as the view narrows",
    "[layout]") {
    const Network network = networkWith(3, "imagenet");
    const CostReport cost = computeCost(network);
    int step = 0;
    while (network.step(step).name != "stages.1.3.pw2") ++step;
    const auto at = [&](double width) {
        return layoutOperationHeader(network.step(step), cost.steps[std::size_t(step)],
                                     QRectF(0, 0, width, 500), 1.0);
    };
    const OperationHeaderLayout wide = at(1600);
    CHECK(wide.kindBeside);
    CHECK(wide.facts.size() == 1);
    CHECK(wide.pieces.size() == 4);  // output, MACs, dense MACs and the saving, parameters
    const OperationHeaderLayout narrow = at(360);
    CHECK_FALSE(narrow.kindBeside);
    CHECK(narrow.facts.size() > 1);
    CHECK(narrow.body.top() > wide.body.top());
    // Narrowing never brings the kind back beside the name, nor takes a line of facts away.
    bool beside = true;
    std::size_t lines = 1;
    for (double width = 1600; width >= 300; width -= 25) {
        CAPTURE(width);
        const OperationHeaderLayout h = at(width);
        if (!beside) CHECK_FALSE(h.kindBeside);
        CHECK(h.facts.size() >= lines);
        beside = h.kindBeside;
        lines = h.facts.size();
    }
}
