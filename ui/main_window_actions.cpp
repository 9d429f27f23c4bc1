// The app's commands as one table. Each row becomes one QAction that carries its text, shortcut,
// tooltip and handler; that same object is put in the menus, drives the toolbar buttons (as their
// default action) and fills the F1 sheet, so key, menu, tip and help can never disagree.
//
// The actions belong to the main window with Qt::WindowShortcut context, so a key works whichever
// child has focus: the step tree, a view, the canvas, a button. The exceptions are Qt's own: a
// widget that edits text (the Train tab's spin boxes) claims the keys it types (digits, arrows,
// Space) through ShortcutOverride, and the step tree keeps Up/Down, which no action uses.
//
// A row that changes what the window shows (configuration, step, channel, view, comparison) does
// it through applyScene (session/scene.h), the one path lessons and the command line take too.
// Sections: Drawn glyphs · The table · Menus and the shortcut sheet

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QHeaderView>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QScreen>
#include <QScrollArea>
#include <QSlider>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>
#include <vector>

#include "canvas/feature_map_canvas.h"
#include "export/export_dialogs.h"
#include "main_window.h"
#include "session/navigation.h"
#include "training/train_panel.h"
#include "tutor/lesson_runner.h"
#include "views/channel_flow_view.h"
#include "views/operation/operation_view.h"

namespace shufflescope::ui {

namespace {

enum class MenuId { File, Navigate, Model, View, Help };

struct ActionRow {
    const char* id;
    MenuId menu;
    const char* text;  // translated in the "Actions" context
    QList<QKeySequence> keys;
    std::function<void()> run;
    bool checkable = false;
};

// Arrows as arrows: the sheet and the tooltips are read by students, not by Qt.
QString keyText(const QKeySequence& key) {
    QString text = key.toString(QKeySequence::NativeText);
    text.replace(QStringLiteral("Left"), QStringLiteral("\u2190"));
    text.replace(QStringLiteral("Right"), QStringLiteral("\u2192"));
    return text;
}

QString actionText(const char* text) {
    return QCoreApplication::translate("Actions", text);
}

}  // namespace

// [SECTION] Drawn glyphs

QIcon MainWindow::glyphIcon(Glyph glyph) const {
    // Drawn, not a font glyph: U+23F8 (pause) is missing from the fonts a classroom PC has and
    // showed as an empty box.
    const int size = 64;
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(palette().color(QPalette::ButtonText));
    const auto triangle = [&](qreal left, qreal right, bool pointsRight) {
        const qreal tip = pointsRight ? right : left, base = pointsRight ? left : right;
        painter.drawPolygon(QPolygonF{{base, 12}, {tip, size / 2.0}, {base, size - 12.0}});
    };
    switch (glyph) {
        case Glyph::Play:
            triangle(16, 52, true);
            break;
        case Glyph::Pause:
            painter.drawRect(QRectF(16, 12, 12, size - 24));
            painter.drawRect(QRectF(36, 12, 12, size - 24));
            break;
        case Glyph::Previous:
            painter.drawRect(QRectF(10, 12, 8, size - 24));
            triangle(20, 54, false);
            break;
        case Glyph::Next:
            triangle(10, 44, true);
            painter.drawRect(QRectF(46, 12, 8, size - 24));
            break;
    }
    return QIcon(pixmap);
}

// [SECTION] The table

void MainWindow::buildActions() {
    const auto toggleDenseGhost = [this] {
        denseGhost_ = !denseGhost_;
        operation_->setShowDenseGhost(denseGhost_);
    };
    const auto nextComparisonChoice = [this] {
        compareBox_->setCurrentIndex((compareBox_->currentIndex() + 1) % compareBox_->count());
        emit compareBox_->activated(compareBox_->currentIndex());  // B changes while comparing
    };
    const auto toggleFlow = [this] {
        requestScene({.view = centreTabs_->currentWidget() == operation_ ? "flow" : "operation"});
    };
    const auto stepUnit = [this](int direction) {
        requestStep([direction](const Network& network, int at) {
            return unitStepFrom(network, at, direction);
        });
    };
    // QT_TRANSLATE_NOOP marks the texts for lupdate; actionText() translates them at run time.
    std::vector<ActionRow> rows = {
        {"file.open",
         MenuId::File,
         QT_TRANSLATE_NOOP("Actions", "&Open image or .npy\u2026"),
         {QKeySequence::Open},
         [this] { openImageDialog(); }},
        {"file.checkpoint",
         MenuId::File,
         QT_TRANSLATE_NOOP("Actions", "Open &checkpoint\u2026"),
         {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O)},
         [this] { openCheckpointDialog(); }},
        {"file.lesson",
         MenuId::File,
         QT_TRANSLATE_NOOP("Actions", "Open &lesson…"),
         {QKeySequence(Qt::CTRL | Qt::Key_L)},
         [this] { openLessonDialog(); }},
        {"file.openDemo",
         MenuId::File,
         QT_TRANSLATE_NOOP("Actions", "Open &demo\u2026"),
         {},
         [this] { openDemoDialog(); }},
        {"file.saveDemo",
         MenuId::File,
         QT_TRANSLATE_NOOP("Actions", "&Save demo\u2026"),
         {QKeySequence::Save},
         [this] { saveDemoDialog(); }},
        {"file.exportView",
         MenuId::File,
         QT_TRANSLATE_NOOP("Actions", "&Export view as PNG or SVG\u2026"),
         {QKeySequence(Qt::CTRL | Qt::Key_E)},
         [this] { exportViewWithDialog(*this); }},
        {"file.exportAnimation",
         MenuId::File,
         QT_TRANSLATE_NOOP("Actions", "Export the step's &animation as GIF\u2026"),
         {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E)},
         [this] { exportAnimationWithDialog(*this); }},
        {"file.exportTable",
         MenuId::File,
         QT_TRANSLATE_NOOP("Actions", "Export the per-step &table (CSV, Markdown)\u2026"),
         {},
         [this] { exportTableWithDialog(*this); }},
        {"file.quit",
         MenuId::File,
         QT_TRANSLATE_NOOP("Actions", "&Quit"),
         {QKeySequence::Quit},
         [this] { close(); }},

        {"step.previous",
         MenuId::Navigate,
         QT_TRANSLATE_NOOP("Actions", "Previous step"),
         {Qt::Key_Left},
         [this] { requestStep([](const Network&, int at) { return std::max(at - 1, 0); }); }},
        {"step.next",
         MenuId::Navigate,
         QT_TRANSLATE_NOOP("Actions", "Next step"),
         {Qt::Key_Right},
         [this] { requestStep([](const Network&, int at) { return at + 1; }); }},
        {"unit.previous",
         MenuId::Navigate,
         QT_TRANSLATE_NOOP("Actions", "Previous unit"),
         {Qt::Key_PageUp},
         [stepUnit] { stepUnit(-1); }},
        {"unit.next",
         MenuId::Navigate,
         QT_TRANSLATE_NOOP("Actions", "Next unit"),
         {Qt::Key_PageDown},
         [stepUnit] { stepUnit(1); }},
        {"step.first",
         MenuId::Navigate,
         QT_TRANSLATE_NOOP("Actions", "First step"),
         {Qt::Key_Home},
         [this] { requestStep([](const Network&, int) { return 0; }); }},
        {"step.last",
         MenuId::Navigate,
         QT_TRANSLATE_NOOP("Actions", "Last step"),
         {Qt::Key_End},
         [this] {
             requestStep([](const Network& network, int) { return network.stepCount() - 1; });
         }},
        {"play",
         MenuId::Navigate,
         QT_TRANSLATE_NOOP("Actions", "Play / pause the walk through the network"),
         {Qt::Key_Space},
         nullptr,
         true},
        {"play.slower",
         MenuId::Navigate,
         QT_TRANSLATE_NOOP("Actions", "Slower walk"),
         {Qt::Key_BracketLeft},
         [this] { speedSlider_->setValue(speedSlider_->value() + 250); }},
        {"play.faster",
         MenuId::Navigate,
         QT_TRANSLATE_NOOP("Actions", "Faster walk"),
         {Qt::Key_BracketRight},
         [this] { speedSlider_->setValue(speedSlider_->value() - 250); }},
        // Presenting a lesson, Space and the Page keys are the lesson's (there is no panel to
        // focus): the rows above are disabled meanwhile (refreshLessonKeys).
        {"lesson.next",
         MenuId::Navigate,
         QT_TRANSLATE_NOOP("Actions", "Lesson in presenter mode: reveal, then the next step"),
         {Qt::Key_Space, Qt::Key_PageDown},
         [this] { lessonForward(); }},
        {"lesson.back",
         MenuId::Navigate,
         QT_TRANSLATE_NOOP("Actions", "Lesson in presenter mode: the step before"),
         {Qt::Key_PageUp},
         [this] { lessonRunner_->back(); }},
        {"channel.clear",
         MenuId::Navigate,
         QT_TRANSLATE_NOOP("Actions",
                           "Leave presenter mode, else close the enlarged feature map, else clear "
                           "the selected channel"),
         {Qt::Key_Escape},
         [this] {
             // While presenting, Esc is the way out first (a teacher reaches for it by habit).
             if (presenterMode())
                 setPresenterMode(false);
             else if (!canvas_->closeEnlarged())
                 requestScene({.channel = -1});
         }},

        {"shuffle",
         MenuId::Model,
         QT_TRANSLATE_NOOP("Actions", "Channel shuffle on / off"),
         {Qt::Key_S},
         [this] { requestScene({.shuffle = !session_->config().shuffle}); },
         true},
        {"width.next",
         MenuId::Model,
         QT_TRANSLATE_NOOP("Actions", "Next width (0.25\u00d7 \u2026 2\u00d7)"),
         {Qt::Key_W},
         [this] { requestScene({.widthScale = nextWidthScale(session_->config().widthScale)}); }},
        {"preset.next",
         MenuId::Model,
         QT_TRANSLATE_NOOP("Actions", "Next preset (ImageNet / Fashion-MNIST)"),
         {Qt::Key_P},
         [this] { requestPreset(QString::fromStdString(otherPreset(session_->config().preset))); }},
        {"timing.measure",
         MenuId::Model,
         QT_TRANSLATE_NOOP("Actions", "Measure time per step (this machine, 1 thread)"),
         {Qt::Key_M},
         [this] { session_->setMeasuringTime(!session_->measuringTime()); },
         true},
        {"compare",
         MenuId::Model,
         QT_TRANSLATE_NOOP("Actions", "A/B compare on / off"),
         {Qt::Key_C},
         [this] { toggleComparison(); },
         true},
        {"compare.next",
         MenuId::Model,
         QT_TRANSLATE_NOOP("Actions", "Next choice of configuration B"),
         {Qt::Key_B},
         nextComparisonChoice},

        {"view.flow",
         MenuId::View,
         QT_TRANSLATE_NOOP("Actions", "Operation view / channel flow"),
         {Qt::Key_F},
         toggleFlow},
        {"view.lesson",
         MenuId::View,
         QT_TRANSLATE_NOOP("Actions", "Lesson panel: the guided lessons"),
         {Qt::Key_L},
         [this] { toggleLessonPanel(); }},
        {"view.train",
         MenuId::View,
         QT_TRANSLATE_NOOP("Actions", "Train panel"),
         {Qt::Key_T},
         [this] { requestScene({.view = "train"}); }},
        {"view.dense",
         MenuId::View,
         QT_TRANSLATE_NOOP("Actions", "Ghost the dense connections a grouped conv saves"),
         {Qt::Key_D},
         toggleDenseGhost},
        {"view.replay",
         MenuId::View,
         QT_TRANSLATE_NOOP("Actions", "Replay the step's animation"),
         {Qt::Key_R},
         [this] { operation_->replayAnimation(); }},
        {"maps.range",
         MenuId::View,
         QT_TRANSLATE_NOOP("Actions",
                           "Feature maps: one colour range for all channels / each its own"),
         {Qt::Key_G},
         [this] { canvas_->setSharedRange(!canvas_->sharedRange()); }},
        {"maps.zoomIn",
         MenuId::View,
         QT_TRANSLATE_NOOP("Actions", "Feature maps: zoom in"),
         {Qt::Key_Plus, Qt::Key_Equal},
         [this] { canvas_->zoomIn(); }},
        {"maps.zoomOut",
         MenuId::View,
         QT_TRANSLATE_NOOP("Actions", "Feature maps: zoom out"),
         {Qt::Key_Minus},
         [this] { canvas_->zoomOut(); }},
        {"maps.zoomReset",
         MenuId::View,
         QT_TRANSLATE_NOOP("Actions", "Feature maps: fit (wheel and drag zoom and pan too)"),
         {Qt::Key_0},
         [this] { canvas_->resetView(); }},
        {"maps.previousPage",
         MenuId::View,
         QT_TRANSLATE_NOOP("Actions", "A/B compare: previous page of channels"),
         {Qt::Key_Comma},
         [this] { canvas_->showPage(canvas_->page() - 1); }},
        {"maps.nextPage",
         MenuId::View,
         QT_TRANSLATE_NOOP("Actions", "A/B compare: next page of channels"),
         {Qt::Key_Period},
         [this] { canvas_->showPage(canvas_->page() + 1); }},
        {"view.panels",
         MenuId::View,
         QT_TRANSLATE_NOOP("Actions", "Side panels (network, prediction and cost)"),
         {Qt::Key_H},
         [this] { setSidePanelsVisible(!sidePanelsVisible()); },
         true},
        {"view.presenter",
         MenuId::View,
         QT_TRANSLATE_NOOP("Actions",
                           "Presenter: full screen, large text, the views and the cost only"),
         {Qt::Key_F5},
         [this] { setPresenterMode(!presenterMode()); },
         true},
        {"view.fullScreen",
         MenuId::View,
         QT_TRANSLATE_NOOP("Actions", "Full screen"),
         {Qt::Key_F11},
         [this] {
             if (isFullScreen())
                 showNormal();
             else
                 showFullScreen();
         },
         true},
        {"text.larger",
         MenuId::View,
         QT_TRANSLATE_NOOP("Actions", "Larger text"),
         {QKeySequence::ZoomIn},
         [this] { setFontScale(fontScale_ + 0.2); }},
        {"text.smaller",
         MenuId::View,
         QT_TRANSLATE_NOOP("Actions", "Smaller text"),
         {QKeySequence::ZoomOut},
         [this] { setFontScale(fontScale_ - 0.2); }},
        {"text.projector",
         MenuId::View,
         QT_TRANSLATE_NOOP("Actions", "Projector (large text)"),
         {},
         [this] { setFontScale(1.8); }},

        {"help.shortcuts",
         MenuId::Help,
         QT_TRANSLATE_NOOP("Actions", "&Keyboard shortcuts"),
         {Qt::Key_F1},
         [this] { showShortcuts(); }},
    };
    for (int g = 1; g <= 8; ++g)
        rows.push_back({nullptr,
                        MenuId::Model,
                        nullptr,
                        {Qt::Key(Qt::Key_0 + g)},
                        [this, g] { requestScene({.groups = g}); },
                        true});

    groupActions_ = new QActionGroup(this);
    for (const ActionRow& row : rows) {
        auto* action = new QAction(this);
        QString id;
        if (row.id) {
            id = QString::fromLatin1(row.id);
            action->setText(actionText(row.text));
        } else {  // the g = 1..8 rows
            const int g = row.keys.first()[0].key() - Qt::Key_0;
            id = QStringLiteral("groups.%1").arg(g);
            action->setText(g == 5 || g == 7
                                ? tr("g = %1 (not in the paper: the stem must change)").arg(g)
                                : tr("g = %1").arg(g));
            action->setIconText(QString::number(g));
            action->setData(g);
            groupActions_->addAction(action);
        }
        action->setObjectName(id);
        action->setProperty("menu", int(row.menu));
        action->setShortcuts(row.keys);
        action->setShortcutContext(Qt::WindowShortcut);
        action->setCheckable(row.checkable);
        const QString plain = action->text().remove(QLatin1Char('&'));
        action->setToolTip(row.keys.isEmpty()
                               ? plain
                               : QStringLiteral("%1 (%2)").arg(plain, keyText(row.keys.first())));
        if (row.run) connect(action, &QAction::triggered, this, row.run);
        addAction(action);  // the window owns the shortcut whether or not a menu shows it
        actions_.insert(id, action);
        actionOrder_.append(action);
    }
    refreshGlyphs();
    connect(action(QStringLiteral("play")), &QAction::toggled, this, [this](bool on) {
        if (on)
            playTimer_.start(speedSlider_->value());
        else
            playTimer_.stop();
        refreshGlyphs();
    });
    action(QStringLiteral("view.panels"))->setChecked(true);
}

// In the button text's colour, redrawn when the theme changes (dark on dark was unreadable).
void MainWindow::refreshGlyphs() {
    if (actions_.isEmpty()) return;
    QAction* play = action(QStringLiteral("play"));
    play->setIcon(glyphIcon(play->isChecked() ? Glyph::Pause : Glyph::Play));
    action(QStringLiteral("step.previous"))->setIcon(glyphIcon(Glyph::Previous));
    action(QStringLiteral("step.next"))->setIcon(glyphIcon(Glyph::Next));
}

QAction* MainWindow::action(const QString& id) const {
    QAction* found = actions_.value(id);
    Q_ASSERT_X(found, "MainWindow::action", qPrintable(id));
    return found;
}

// [SECTION] Menus and the shortcut sheet

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QMenu* samples = menuBar()->addMenu(tr("&Samples"));
    fillSamplesMenu(samples);
    QMenu* navigate = menuBar()->addMenu(tr("&Navigate"));
    QMenu* model = menuBar()->addMenu(tr("&Model"));
    QMenu* groups = model->addMenu(tr("&Groups g"));
    QMenu* view = menuBar()->addMenu(tr("&View"));
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    const auto menuFor = [&](MenuId id) {
        switch (id) {
            case MenuId::File:
                return file;
            case MenuId::Navigate:
                return navigate;
            case MenuId::Model:
                return model;
            case MenuId::View:
                return view;
            case MenuId::Help:
                return help;
        }
        return help;
    };
    for (QAction* a : actionOrder_) {
        if (a->objectName() == QLatin1String("file.lesson") ||
            a->objectName() == QLatin1String("file.exportView") ||
            a->objectName() == QLatin1String("file.quit"))
            file->addSeparator();
        if (a->objectName() == QLatin1String("text.larger")) view->addSeparator();
        if (a->objectName().startsWith(QLatin1String("groups.")))
            groups->addAction(a);
        else
            menuFor(MenuId(a->property("menu").toInt()))->addAction(a);
    }
    addThemeAndLanguageMenus(view);
    help->addAction(tr("&About ShuffleScope"), this, [this] {
        QMessageBox::about(
            this, tr("About ShuffleScope"),
            tr("<b>ShuffleScope</b><br>A visualiser and tutor for ShuffleNet v1 "
               "(Zhang, Zhou, Lin, Sun, CVPR 2018).<br>Every number is computed by the "
               "project's own engine from the current configuration."));
    });
}

void MainWindow::showShortcuts() {
    // Every action with a key, in the table's order; the eight g keys share one row.
    QList<QPair<QString, QString>> lines;
    bool groupsListed = false;
    for (const QAction* a : actionOrder_) {
        if (a->shortcuts().isEmpty()) continue;
        if (a->objectName().startsWith(QLatin1String("groups."))) {
            if (groupsListed) continue;
            groupsListed = true;
            lines.append({QStringLiteral("1 \u2026 8"), tr("Number of groups g")});
            continue;
        }
        QStringList keys;
        for (const QKeySequence& k : a->shortcuts()) keys << keyText(k);
        lines.append({keys.join(QStringLiteral(" / ")), QString(a->text()).remove('&')});
    }
    auto* dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("ShortcutSheet"));
    dialog->setWindowTitle(tr("Keyboard shortcuts"));
    auto* table = new QTableWidget(int(lines.size()), 2, dialog);
    table->setHorizontalHeaderLabels({tr("Keys"), tr("Action")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    for (int i = 0; i < int(lines.size()); ++i) {
        table->setItem(i, 0, new QTableWidgetItem(lines[i].first));
        table->setItem(i, 1, new QTableWidgetItem(lines[i].second));
    }
    table->resizeColumnsToContents();
    table->horizontalHeader()->setStretchLastSection(true);
    auto* layout = new QVBoxLayout(dialog);
    layout->addWidget(table);
    // Large enough to read on a projector, never larger than the screen it opens on.
    const QSize available = screen()->availableSize();
    dialog->resize(std::min(int(620 * fontScale_), available.width() - 40),
                   std::min(int(560 * fontScale_), available.height() - 80));
    // Back to the main window when it closes, so its keys act at once (without a window
    // manager, nothing else would hand the focus back).
    connect(dialog, &QDialog::finished, this, [this] { activateWindow(); });
    dialog->open();
}

}  // namespace shufflescope::ui
