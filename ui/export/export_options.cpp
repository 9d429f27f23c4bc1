#include "export/export_options.h"

#include <QObject>

#include "export/table_export.h"
#include "export/view_export.h"
#include "main_window.h"
#include "views/operation/operation_view.h"

namespace shufflescope::ui {

namespace {

// A row whose value is a file name ending in one of `suffixes`, stored by `store`.
StartupOption fileOption(const char* name, const char* help, QStringList suffixes,
                         std::optional<QString> ExportRequest::*field) {
    const QString option = QString::fromLatin1(name);
    return {option, QStringLiteral("FILE"), help,
            [option, suffixes, field](const QString& value, StartupOptions& o, QString* error) {
                for (const QString& suffix : suffixes)
                    if (value.endsWith(suffix, Qt::CaseInsensitive)) {
                        o.exports.*field = value;
                        return true;
                    }
                *error = QObject::tr("--%1: '%2' must end in %3")
                             .arg(option, value, suffixes.join(QStringLiteral(" or ")));
                return false;
            }};
}

}  // namespace

std::vector<StartupOption> exportStartupOptions() {
    using O = StartupOptions;
    return {
        fileOption("export-png",
                   QT_TRANSLATE_NOOP("QObject", "Export a view to FILE.png and exit."),
                   {QStringLiteral(".png")}, &ExportRequest::png),
        fileOption("export-svg",
                   QT_TRANSLATE_NOOP("QObject", "Export a view to FILE.svg and exit."),
                   {QStringLiteral(".svg")}, &ExportRequest::svg),
        fileOption(
            "export-gif",
            QT_TRANSLATE_NOOP("QObject", "Export the step's animation to FILE.gif and exit."),
            {QStringLiteral(".gif")}, &ExportRequest::gif),
        fileOption("export-table",
                   QT_TRANSLATE_NOOP("QObject",
                                     "Export the per-step table to FILE.csv or FILE.md "
                                     "and exit."),
                   {QStringLiteral(".csv"), QStringLiteral(".md")}, &ExportRequest::table),
        {QStringLiteral("measure-time"), QString(),
         QT_TRANSLATE_NOOP("QObject",
                           "Measure each step's time (1 thread): the cost panel, the "
                           "tree and the exported table show it."),
         [](const QString&, O& o, QString*) {
             o.measureTime = true;
             return true;
         }},
        {QStringLiteral("export-view"), QStringLiteral("NAME"),
         QT_TRANSLATE_NOOP("QObject",
                           "View to export: operation, flow, features, cost, timeline or train "
                           "(default: the one shown)."),
         [](const QString& value, O& o, QString* error) {
             if (!exportableViews().contains(value)) {
                 *error = QObject::tr("--export-view: '%1' is not one of %2")
                              .arg(value, exportableViews().join(QStringLiteral(", ")));
                 return false;
             }
             o.exports.view = value;
             return true;
         }},
        {QStringLiteral("export-scale"), QStringLiteral("S"),
         QT_TRANSLATE_NOOP("QObject", "PNG scale, 1..4 (2 for print)."),
         [](const QString& value, O& o, QString* error) {
             bool ok = false;
             const double scale = QString(value).remove(QLatin1Char('x')).toDouble(&ok);
             if (!ok || scale < 1 || scale > 4) {
                 *error = QObject::tr("--export-scale: '%1' is not a number in 1..4").arg(value);
                 return false;
             }
             o.exports.scale = scale;
             return true;
         }},
        {QStringLiteral("gif-size"), QStringLiteral("WxH"),
         QT_TRANSLATE_NOOP("QObject", "GIF size WxH (default 960x540)."),
         [](const QString& value, O& o, QString* error) {
             const auto size = sizeOptionValue(QStringLiteral("gif-size"), value, {320, 200},
                                               {1920, 1080}, error);
             if (size) o.exports.animation.size = *size;
             return size.has_value();
         }},
        {QStringLiteral("gif-fps"), QStringLiteral("N"),
         QT_TRANSLATE_NOOP("QObject", "GIF frames per second, 5..30 (default 12)."),
         [](const QString& value, O& o, QString* error) {
             bool ok = false;
             const int fps = value.toInt(&ok);
             if (!ok || fps < 5 || fps > 30) {
                 *error = QObject::tr("--gif-fps: '%1' is not an integer in 5..30").arg(value);
                 return false;
             }
             o.exports.animation.fps = fps;
             return true;
         }},
    };
}

bool runExports(MainWindow& window, const ExportRequest& request, QString* error) {
    const QString viewName = request.view.value_or(shownExportView(window));
    if (request.png || request.svg) {
        QWidget* view = exportView(window, viewName, error);
        if (!view) {
            *error = QStringLiteral("--export-view: ") + *error;
            return false;
        }
        if (request.png && !exportViewPng(view, *request.png, request.scale, error)) return false;
        if (request.svg && !exportViewSvg(view, *request.svg, window.windowTitle(), error))
            return false;
    }
    if (request.gif &&
        !exportAnimationGif(*window.operationView(), *request.gif, request.animation, error))
        return false;
    if (request.table) {
        const SnapshotPtr snapshot = window.session().snapshot();
        if (!snapshot) {
            *error = QObject::tr("cannot write '%1': no network is shown").arg(*request.table);
            return false;
        }
        const auto timing = window.session().timing();
        if (!exportStepTable(*snapshot, timing.get(), *request.table, error)) return false;
    }
    return true;
}

}  // namespace shufflescope::ui
