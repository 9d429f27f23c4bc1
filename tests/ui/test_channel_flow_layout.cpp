// The channel-flow view's layout, without painting: everything inside the view, nothing on top of
// anything else, the optional caption left out first when the view gets short.

#include <catch2/catch.hpp>

#include "shufflescope/analysis/reachability.h"
#include "views/channel_flow_layout.h"
#include "views/channel_flow_view.h"

using namespace shufflescope;
using namespace shufflescope::ui;

namespace {

Network networkWith(int groups, bool shuffle, const char* preset = "fashion") {
    ModelConfig c = presetConfig(preset);
    c.groups = groups;
    c.shuffle = shuffle;
    return Network::build(c);
}

int stepNamed(const Network& network, const char* name) {
    for (int i = 0; i < network.stepCount(); ++i)
        if (network.step(i).name == name) return i;
    FAIL("no step " << name);
    return -1;
}

ChannelFlowLayout layoutOf(const Network& network, int step, int channel, QSizeF size,
                           double fontScale) {
    const ChannelReach reach =
        channel >= 0 ? traceChannelReach(network, step, channel) : ChannelReach{};
    return layoutChannelFlow(network, step, channel, reach, size, fontScale);
}

QRectF box(const ChannelFlowLayout::Label& label) {
    return {label.at.x(), label.at.y(), label.text.width, lineHeight(label.text.font)};
}

// Half a pixel of slack: positions are fractional, and text boxes are rounded by Qt.
bool inside(const QRectF& inner, const QRectF& outer) {
    return inner.left() >= outer.left() - 0.5 && inner.right() <= outer.right() + 0.5 &&
           inner.top() >= outer.top() - 0.5 && inner.bottom() <= outer.bottom() + 0.5;
}

bool overlap(const QRectF& a, const QRectF& b) {
    return a.intersects(b.adjusted(0.5, 0.5, -0.5, -0.5));
}

// Labels of one row of a staggered set never touch: row i % rows.
void checkLabelRows(const std::vector<QRectF>& boxes) {
    for (std::size_t i = 0; i < boxes.size(); ++i)
        for (std::size_t j = i + 1; j < boxes.size(); ++j) {
            if (boxes[i].top() != boxes[j].top()) continue;
            CAPTURE(i, j);
            CHECK_FALSE(overlap(boxes[i], boxes[j]));
        }
}

}  // namespace

TEST_CASE("channel flow layout: inside the view, nothing overlapping, at every size and text scale",
          "[layout]") {
    const bool shuffle = GENERATE(true, false);
    const Network network = networkWith(shuffle ? 3 : 8, shuffle);
    const char* stepName =
        GENERATE("stages.1.3.pw2", "stages.0.0.concat", "stem.relu", "head.fc", "stages.2.1.relu");
    const int channel = GENERATE(-1, 1);
    const QSizeF size =
        GENERATE(QSizeF(1100, 650), QSizeF(640, 400), QSizeF(1920, 1080), QSizeF(320, 200));
    const double fontScale = GENERATE(1.0, 1.8, 2.5);
    CAPTURE(shuffle, stepName, channel, size.width(), size.height(), fontScale);
    const int step = stepNamed(network, stepName);
    const ChannelFlowLayout l = layoutOf(network, step, channel, size, fontScale);
    const QRectF view(QPointF(0, 0), size);

    CHECK(inside(l.area, view));
    CHECK(l.tracing == (channel >= 0));
    // The title row: the question and the chip side by side, inside the area.
    CHECK(inside(l.chip, l.area));
    CHECK(l.titleRect.left() + l.title.width <= l.chip.left());
    CHECK(l.titleRect.top() >= l.area.top());

    // The columns: the ones the view traces, in order, the traced step last, side by side.
    const std::vector<int> expected = channelFlowColumns(network, step);
    REQUIRE(l.columns.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        CAPTURE(i);
        CHECK(l.columns[i].step == expected[i]);
        CHECK(l.columns[i].traced == (i + 1 == expected.size()));
        CHECK(inside(l.columns[i].cells, l.area));
        CHECK(l.columns[i].cells.height() >= 10);
        if (i > 0) CHECK(l.columns[i - 1].cells.right() < l.columns[i].cells.left());
        CHECK(inside(box(l.columns[i].name), l.area));
        CHECK(inside(box(l.columns[i].count), view));
        // Names above the cells, counts under them.
        CHECK(box(l.columns[i].name).bottom() <= l.columns[i].cells.top() + 0.5);
        CHECK(box(l.columns[i].count).top() >= l.columns[i].cells.bottom());
    }
    std::vector<QRectF> names, counts;
    for (const auto& column : l.columns) {
        names.push_back(box(column.name));
        counts.push_back(box(column.count));
    }
    checkLabelRows(names);
    checkLabelRows(counts);

    // Unit brackets above the names, one per unit, side by side; their labels fit over them.
    REQUIRE_FALSE(l.units.empty());
    for (std::size_t i = 0; i < l.units.size(); ++i) {
        const auto& unit = l.units[i];
        CHECK(unit.line.y1() <= l.columns.front().cells.top());
        CHECK(unit.label.text.width <= unit.line.dx() + 0.5);
        if (i > 0) CHECK(l.units[i - 1].line.x2() < unit.line.x1());
    }

    // The captions: under the title, above the brackets, one after the other.
    double y = l.titleRect.bottom();
    for (const auto& caption : l.captions) {
        CHECK(caption.rect.top() >= y);
        CHECK(caption.rect.top() + caption.text.height <= l.units.front().label.at.y() + 0.5);
        y = caption.rect.top() + caption.text.height;
    }

    // Tracing: a legend under the counts and a pointer right of the traced column at its channel.
    CHECK(l.legend.empty() == !l.tracing);
    CHECK(l.pointer.isEmpty() == !l.tracing);
    // Columns squeezed to their 10 px floor (a short view with projector text) push the counts
    // down onto the legend; above the floor the legend stays clear of them.
    const bool columnsAtFloor = l.columns.front().cells.height() < 10.5;
    for (const auto& item : l.legend) {
        CHECK(inside(box(item.label), l.area));
        if (!columnsAtFloor)
            for (const QRectF& count : counts) CHECK(item.label.at.y() >= count.bottom() - 0.5);
        if (item.swatch != ChannelFlowLayout::Swatch::None) {
            CHECK(inside(item.swatchRect, l.area));
            CHECK(item.swatchRect.right() <= item.label.at.x());
        }
    }
    if (l.tracing) {
        const QRectF& traced = l.columns.back().cells;
        const int channels = network.step(step).out.channels;
        CHECK(l.pointer.boundingRect().left() > traced.right());
        CHECK(inside(l.pointer.boundingRect(), view));
        CHECK(l.pointer.first().y() ==
              Approx(traced.top() + (channel + 0.5) * traced.height() / channels));
    }
}

TEST_CASE("channel flow layout: the caption one unit further back is the first thing to go",
          "[layout]") {
    const Network network = networkWith(3, false);
    const int step = stepNamed(network, "stages.1.3.relu");
    // Tall: the count at this unit's input and one unit further back.
    const ChannelFlowLayout tall = layoutOf(network, step, 37, {1100, 900}, 1.0);
    REQUIRE(tall.captions.size() == 2);
    CHECK(tall.captions[0].text.lines.join(' ').contains(QStringLiteral("stages.1.2.relu")));
    CHECK(tall.captions[1].dim);
    CHECK(tall.captions[1].text.lines.join(' ').contains(QStringLiteral("stages.1.1.relu")));
    // Short: the columns keep their room, the second caption goes, the first stays.
    const ChannelFlowLayout shorter = layoutOf(network, step, 37, {1100, 330}, 1.0);
    REQUIRE(shorter.captions.size() == 1);
    CHECK(shorter.captions[0].text.lines.join(' ').contains(QStringLiteral("stages.1.2.relu")));
    CHECK(shorter.columns.front().cells.height() > tall.columns.front().cells.height() * 0.2);
    // Every height in between keeps the order: once gone, it stays gone as the view shrinks.
    bool gone = false;
    for (int height = 900; height >= 300; height -= 20) {
        CAPTURE(height);
        const std::size_t shown =
            layoutOf(network, step, 37, {1100, double(height)}, 1.0).captions.size();
        REQUIRE(shown >= 1);
        if (gone) CHECK(shown == 1);
        gone = gone || shown == 1;
    }
    CHECK(gone);
}

TEST_CASE("channel flow layout: step names stagger over more rows as the columns narrow",
          "[layout]") {
    const Network network = networkWith(3, true);
    const int step = stepNamed(network, "stages.1.3.relu");
    const auto rowsOf = [](const ChannelFlowLayout& l) {
        std::vector<double> tops;
        for (const auto& column : l.columns)
            if (std::find(tops.begin(), tops.end(), column.name.at.y()) == tops.end())
                tops.push_back(column.name.at.y());
        return tops.size();
    };
    const ChannelFlowLayout wide = layoutOf(network, step, 5, {1920, 1080}, 1.0);
    const ChannelFlowLayout narrow = layoutOf(network, step, 5, {500, 1080}, 1.0);
    CHECK(rowsOf(wide) == 1);
    CHECK(rowsOf(narrow) > 1);
    for (const auto& column : narrow.columns) CHECK_FALSE(column.name.text.text.isEmpty());
}
