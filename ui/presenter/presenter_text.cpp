#include "presenter/presenter_text.h"

#include <QCoreApplication>
#include <algorithm>

#include "text/number_format.h"

namespace shufflescope::ui {

namespace {

class PresenterText {
    Q_DECLARE_TR_FUNCTIONS(PresenterText)
};

}  // namespace

PresenterFacts presenterFacts(const Snapshot& snapshot, int step) {
    const StepCost& cost = snapshot.cost.steps.at(std::size_t(step));
    const ModelConfig& config = snapshot.config();
    PresenterFacts facts;
    facts.macs = formatMacsWithUnit(cost.macs);
    if (cost.macs == 0)
        facts.comparison = PresenterText::tr("no multiply-adds in this step");
    else if (cost.denseMacs == cost.macs)
        facts.comparison = PresenterText::tr("not grouped: the same as dense");
    else
        facts.comparison = PresenterText::tr("dense would be %1, %2 more")
                               .arg(formatMacsWithUnit(cost.denseMacs),
                                    formatRatio(double(cost.denseMacs) / double(cost.macs)));
    const QString dot = QStringLiteral(" \u00b7 ");
    facts.configuration =
        QString::fromStdString(snapshot.step(step).name) + dot +
        PresenterText::tr("g = %1").arg(config.groups) + dot +
        (config.shuffle ? PresenterText::tr("shuffle on") : PresenterText::tr("shuffle off")) +
        dot + QString::fromStdString(widthScaleName(config.widthScale)) + dot +
        PresenterText::tr("step %1 of %2").arg(step + 1).arg(snapshot.network->stepCount());
    return facts;
}

double presenterFontScale(QSize screen, double current) {
    // 720 lines -> 1.5, 1080 -> 2.0, in between in proportion; the views cap text at 2.5.
    const double forScreen = std::clamp(1.5 + (screen.height() - 720) / 720.0, 1.3, 2.2);
    return std::clamp(std::max(forScreen, current), 0.8, 2.5);
}

}  // namespace shufflescope::ui
