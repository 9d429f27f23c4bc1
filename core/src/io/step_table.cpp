#include "shufflescope/io/step_table.h"

#include <iomanip>
#include <sstream>

namespace shufflescope {

namespace {

std::string shapeText(const StepShape& s) {
    return std::to_string(s.channels) + "x" + std::to_string(s.height) + "x" +
           std::to_string(s.width);
}

// CSV cells are never quoted: step names, kinds and numbers hold no comma, quote or newline.
std::string line(const std::vector<std::string>& cells, StepTableFormat format) {
    const bool markdown = format == StepTableFormat::Markdown;
    std::string text = markdown ? "| " : "";
    for (std::size_t k = 0; k < cells.size(); ++k)
        text += cells[k] + (k + 1 < cells.size() ? (markdown ? " | " : ",") : "");
    return text + (markdown ? " |" : "") + "\n";
}

}  // namespace

const std::vector<std::string>& stepTableColumns() {
    static const std::vector<std::string> columns = {"name",       "kind",   "out_shape", "macs",
                                                     "dense_macs", "params", "time_ms"};
    return columns;
}

std::vector<StepTableRow> stepTableRows(const Network& network, const CostReport& cost,
                                        const std::optional<StepTiming>& timing) {
    std::vector<StepTableRow> rows;
    rows.reserve(std::size_t(network.stepCount()));
    for (int i = 0; i < network.stepCount(); ++i) {
        const Step& s = network.step(i);
        const StepCost& c = cost.steps[std::size_t(i)];
        std::ostringstream ms;
        if (timing) ms << std::fixed << std::setprecision(4) << timing->medianMs[std::size_t(i)];
        rows.push_back({s.name, stepKindName(s.kind), shapeText(s.out), std::to_string(c.macs),
                        std::to_string(c.denseMacs), std::to_string(c.params), ms.str()});
    }
    return rows;
}

std::string formatStepTable(const std::vector<StepTableRow>& rows, StepTableFormat format) {
    std::string text = line(stepTableColumns(), format);
    if (format == StepTableFormat::Markdown)
        text += line({"---", "---", "---", "---:", "---:", "---:", "---:"}, format);
    for (const StepTableRow& r : rows)
        text += line({r.name, r.kind, r.outShape, r.macs, r.denseMacs, r.params, r.timeMs}, format);
    return text;
}

}  // namespace shufflescope
