#pragma once
// The per-step table for a spreadsheet or slides: one row per step, columns
// name,kind,out_shape,macs,dense_macs,params,time_ms — the numbers `summary --json` gives.
// One function writes it for the CLI (summary --csv|--markdown) and the desktop app (File →
// Export table), so the two produce the same bytes.

#include <optional>
#include <string>
#include <vector>

#include "shufflescope/analysis/cost.h"
#include "shufflescope/exec/step_timing.h"
#include "shufflescope/model/network.h"

namespace shufflescope {

enum class StepTableFormat { Csv, Markdown };

// The cells of one row, as written: shape "CxHxW", counts without separators, time in ms with four
// decimals (empty without a timing).
struct StepTableRow {
    std::string name, kind, outShape, macs, denseMacs, params, timeMs;
};

// The column names, in order.
const std::vector<std::string>& stepTableColumns();

// One row per step of `network`; `cost` is computeCost(network), `timing` (optional) timeSteps's
// result for the same network.
std::vector<StepTableRow> stepTableRows(const Network& network, const CostReport& cost,
                                        const std::optional<StepTiming>& timing);

// The header and every row, each line ending in '\n' (Markdown: a GitHub table, numbers
// right-aligned).
std::string formatStepTable(const std::vector<StepTableRow>& rows, StepTableFormat format);

}  // namespace shufflescope
