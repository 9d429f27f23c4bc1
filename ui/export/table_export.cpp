#include "export/table_export.h"

#include <QCoreApplication>
#include <utility>

#include "export/file_output.h"
#include "shufflescope/io/step_table.h"

namespace shufflescope::ui {

std::optional<bool> markdownFor(const QString& path) {
    if (path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive)) return false;
    if (path.endsWith(QLatin1String(".md"), Qt::CaseInsensitive) ||
        path.endsWith(QLatin1String(".markdown"), Qt::CaseInsensitive))
        return true;
    return std::nullopt;
}

std::string stepTableText(const Snapshot& snapshot, const StepTiming* timing, bool markdown) {
    std::optional<StepTiming> times;
    if (timing && timing->medianMs.size() == std::size_t(snapshot.network->stepCount()))
        times = *timing;
    return formatStepTable(stepTableRows(*snapshot.network, snapshot.cost, times),
                           markdown ? StepTableFormat::Markdown : StepTableFormat::Csv);
}

bool exportStepTable(const Snapshot& snapshot, const StepTiming* timing, const QString& path,
                     QString* error) {
    const std::optional<bool> markdown = markdownFor(path);
    if (!markdown) {
        *error = QCoreApplication::translate("TableExport",
                                             "Cannot write '%1': the name must end in .csv or .md")
                     .arg(path);
        return false;
    }
    const std::string text = stepTableText(snapshot, timing, *markdown);
    // All or nothing (export/file_output.h).
    if (std::optional<QString> message =
            writeOrMessage(path, QByteArray(text.data(), qsizetype(text.size())))) {
        *error = std::move(*message);
        return false;
    }
    return true;
}

}  // namespace shufflescope::ui
