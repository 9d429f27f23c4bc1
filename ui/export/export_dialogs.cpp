#include "export/export_dialogs.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QStatusBar>
#include <QVBoxLayout>

#include "export/animation_export.h"
#include "export/table_export.h"
#include "export/view_export.h"
#include "main_window.h"
#include "views/operation/operation_view.h"

namespace shufflescope::ui {

namespace {

// A file name to start from: the step's name, dots kept readable ("stages.1.1.shuffle").
QString suggestedName(MainWindow& window, const QString& suffix) {
    const SnapshotPtr s = window.session().snapshot();
    const QString step = s ? QString::fromStdString(s->step(window.session().selectedStep()).name)
                           : QStringLiteral("shufflescope");
    return step + QStringLiteral("-g%1").arg(window.session().config().groups) + suffix;
}

void reportWritten(MainWindow& window, const QString& path) {
    window.statusBar()->showMessage(
        QCoreApplication::translate("ExportDialogs", "Wrote %1").arg(path), 8000);
}

// Fills `dialog` with a form and OK / Cancel and runs it; true when accepted. The caller owns the
// dialog: the form's fields are its children and are read after it closes (a dialog local to this
// function deleted them on return, and File → Export view read its format from a freed combo box).
bool runForm(QDialog& dialog, const QString& title, QFormLayout* form, QLabel* note) {
    dialog.setWindowTitle(title);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addLayout(form);
    if (note) {
        note->setWordWrap(true);
        layout->addWidget(note);
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    return dialog.exec() == QDialog::Accepted;
}

}  // namespace

void exportViewWithDialog(MainWindow& window) {
    auto* form = new QFormLayout;
    auto* view = new QComboBox;
    const QStringList names = {QCoreApplication::translate("ExportDialogs", "Operation view"),
                               QCoreApplication::translate("ExportDialogs", "Channel flow"),
                               QCoreApplication::translate("ExportDialogs", "Feature maps"),
                               QCoreApplication::translate("ExportDialogs", "Cost panel"),
                               QCoreApplication::translate("ExportDialogs", "Network tree"),
                               QCoreApplication::translate("ExportDialogs", "Train tab")};
    for (int i = 0; i < exportableViews().size(); ++i)
        view->addItem(names.value(i), exportableViews()[i]);
    view->setCurrentIndex(exportableViews().indexOf(shownExportView(window)));
    auto* format = new QComboBox;
    format->addItem(QCoreApplication::translate("ExportDialogs", "PNG, screen size (1\u00d7)"),
                    1.0);
    format->addItem(
        QCoreApplication::translate("ExportDialogs", "PNG, twice the size for print (2\u00d7)"),
        2.0);
    format->addItem(
        QCoreApplication::translate("ExportDialogs", "SVG (lines and text stay editable)"), 0.0);
    form->addRow(QCoreApplication::translate("ExportDialogs", "View:"), view);
    form->addRow(QCoreApplication::translate("ExportDialogs", "Format:"), format);
    auto* note = new QLabel(QCoreApplication::translate(
        "ExportDialogs",
        "The view is exported at its size on screen. The feature maps are drawn with OpenGL: "
        "their PNG is the screen's pixels enlarged, their SVG holds that picture as an "
        "image. Every other view's SVG keeps its lines and text."));
    QDialog dialog(&window);
    if (!runForm(dialog, QCoreApplication::translate("ExportDialogs", "Export view"), form, note))
        return;
    const double scale = format->currentData().toDouble();
    const bool svg = scale == 0.0;
    const QString path = QFileDialog::getSaveFileName(
        &window, QCoreApplication::translate("ExportDialogs", "Export view"),
        suggestedName(window, svg ? QStringLiteral(".svg") : QStringLiteral(".png")),
        svg ? QCoreApplication::translate("ExportDialogs", "SVG images (*.svg)")
            : QCoreApplication::translate("ExportDialogs", "PNG images (*.png)"));
    if (path.isEmpty()) return;
    QString error;
    QWidget* widget = exportView(window, view->currentData().toString(), &error);
    const bool ok = widget && (svg ? exportViewSvg(widget, path, window.windowTitle(), &error)
                                   : exportViewPng(widget, path, scale, &error));
    if (ok)
        reportWritten(window, path);
    else
        window.showError(error);
}

void exportAnimationWithDialog(MainWindow& window) {
    auto* form = new QFormLayout;
    auto* size = new QComboBox;
    for (const QSize s : {QSize(640, 360), QSize(960, 540), QSize(1280, 720), QSize(1920, 1080)})
        size->addItem(QStringLiteral("%1 \u00d7 %2").arg(s.width()).arg(s.height()), s);
    size->setCurrentIndex(1);
    auto* fps = new QSpinBox;
    fps->setRange(5, 30);
    fps->setValue(GifSettings{}.fps);
    form->addRow(QCoreApplication::translate("ExportDialogs", "Size:"), size);
    form->addRow(QCoreApplication::translate("ExportDialogs", "Frames per second:"), fps);
    auto* note = new QLabel(
        QCoreApplication::translate(
            "ExportDialogs",
            "The current step's animation in the operation view, from start to end, the last "
            "frame held for %1 s; it loops. 256 colours a frame.")
            .arg(kGifHoldLastMs / 1000.0));
    QDialog dialog(&window);
    if (!runForm(dialog, QCoreApplication::translate("ExportDialogs", "Export animation"), form,
                 note))
        return;
    const QString path = QFileDialog::getSaveFileName(
        &window, QCoreApplication::translate("ExportDialogs", "Export animation"),
        suggestedName(window, QStringLiteral(".gif")),
        QCoreApplication::translate("ExportDialogs", "Animated GIF (*.gif)"));
    if (path.isEmpty()) return;
    QString error;
    if (exportAnimationGif(*window.operationView(), path,
                           {size->currentData().toSize(), fps->value()}, &error))
        reportWritten(window, path);
    else
        window.showError(error);
}

void exportTableWithDialog(MainWindow& window) {
    const SnapshotPtr snapshot = window.session().snapshot();
    if (!snapshot) return;
    QString filter;
    QString path = QFileDialog::getSaveFileName(
        &window, QCoreApplication::translate("ExportDialogs", "Export per-step table"),
        suggestedName(window, QStringLiteral(".csv")),
        QCoreApplication::translate("ExportDialogs", "CSV (*.csv);;Markdown (*.md)"), &filter);
    if (path.isEmpty()) return;
    if (!markdownFor(path))
        path +=
            filter.contains(QLatin1String("*.md")) ? QStringLiteral(".md") : QStringLiteral(".csv");
    QString error;
    const auto timing = window.session().timing();
    if (exportStepTable(*snapshot, timing.get(), path, &error))
        reportWritten(window, path);
    else
        window.showError(error);
}

}  // namespace shufflescope::ui
