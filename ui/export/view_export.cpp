#include "export/view_export.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QImage>
#include <QOpenGLWidget>
#include <QPainter>
#include <QSvgGenerator>
#include <QTabWidget>
#include <QWidget>
#include <utility>

#include "canvas/feature_map_canvas.h"
#include "export/file_output.h"
#include "main_window.h"
#include "training/train_panel.h"
#include "views/channel_flow_view.h"
#include "views/cost_panel.h"
#include "views/operation/operation_view.h"
#include "views/timeline_view.h"

namespace shufflescope::ui {

namespace {

// The OpenGL canvas paints with GL, not through QPainter: its picture is its framebuffer.
const QOpenGLWidget* openGlView(const QWidget* view) {
    return qobject_cast<const QOpenGLWidget*>(view);
}

QImage openGlPicture(QWidget* view) {
    return static_cast<QOpenGLWidget*>(view)->grabFramebuffer();
}

// All or nothing (export/file_output.h): a failed export leaves no half-written picture.
bool writeBytes(const QString& path, const QByteArray& bytes, QString* error) {
    if (std::optional<QString> message = writeOrMessage(path, bytes)) {
        *error = std::move(*message);
        return false;
    }
    return true;
}

}  // namespace

const QStringList& exportableViews() {
    static const QStringList views = {QStringLiteral("operation"), QStringLiteral("flow"),
                                      QStringLiteral("features"),  QStringLiteral("cost"),
                                      QStringLiteral("timeline"),  QStringLiteral("train")};
    return views;
}

QString shownExportView(const MainWindow& window) {
    QString view = QString::fromStdString(window.scene().view.value_or("operation"));
    if (view == QLatin1String("compare")) view = QStringLiteral("features");
    if (!exportableViews().contains(view)) view = QStringLiteral("operation");
    // The view last asked for may be off screen since (presenter mode and H hide the cost panel,
    // the Train tab folds the feature maps away): then the centre's pane, which always shows.
    QString offScreen;
    if (exportView(window, view, &offScreen)) return view;
    for (const QString& centre :
         {QStringLiteral("operation"), QStringLiteral("flow"), QStringLiteral("train")})
        if (exportView(window, centre, &offScreen)) return centre;
    return view;
}

QWidget* exportView(const MainWindow& window, const QString& view, QString* error) {
    QWidget* widget = nullptr;
    if (view == QLatin1String("operation"))
        widget = window.operationView();
    else if (view == QLatin1String("flow"))
        widget = window.channelFlow();
    else if (view == QLatin1String("features"))
        widget = window.canvas();
    else if (view == QLatin1String("cost"))
        widget = window.costPanel();
    else if (view == QLatin1String("timeline"))
        widget = window.timeline();
    else if (view == QLatin1String("train"))
        widget = window.trainPanel();
    if (!widget) {
        *error = QCoreApplication::translate("ViewExport", "'%1' is not a view: one of %2")
                     .arg(view, exportableViews().join(QStringLiteral(", ")));
        return nullptr;
    }
    if (!widget->isVisible() || widget->width() <= 0 || widget->height() <= 0) {
        *error = QCoreApplication::translate("ViewExport",
                                             "The view '%1' is not on screen: show it first")
                     .arg(view);
        return nullptr;
    }
    return widget;
}

bool exportViewPng(QWidget* view, const QString& path, double scale, QString* error) {
    QImage image;
    if (openGlView(view)) {
        const QImage picture = openGlPicture(view);
        image = picture.scaled(picture.size() * scale, Qt::IgnoreAspectRatio,
                               Qt::FastTransformation);  // pixels stay sharp squares
    } else {
        // Painted at `scale`: text and lines are drawn at the higher resolution, not enlarged.
        image = QImage(view->size() * scale, QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(scale);
        image.fill(view->palette().color(QPalette::Window));
        view->render(&image);
        image.setDevicePixelRatio(1.0);
    }
    const std::optional<QByteArray> png = encodeImage(image, "PNG");
    if (!png) {
        *error = QCoreApplication::translate("ViewExport",
                                             "Cannot write '%1': the view could not be drawn")
                     .arg(path);
        return false;
    }
    return writeBytes(path, *png, error);
}

bool exportViewSvg(QWidget* view, const QString& path, const QString& title, QString* error) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator svg;
    svg.setOutputDevice(&buffer);
    svg.setSize(view->size());
    svg.setViewBox(QRect(QPoint(0, 0), view->size()));
    svg.setTitle(title);
    svg.setDescription(QCoreApplication::translate("ViewExport", "Exported from ShuffleScope"));
    if (openGlView(view)) {
        QPainter painter(&svg);
        painter.drawImage(QPoint(0, 0), openGlPicture(view));
    } else {
        view->render(&svg);
    }
    buffer.close();
    if (bytes.isEmpty()) {
        *error = QCoreApplication::translate("ViewExport",
                                             "Cannot write '%1': the view could not be drawn")
                     .arg(path);
        return false;
    }
    return writeBytes(path, bytes, error);
}

}  // namespace shufflescope::ui
