#include "tutor/lesson_panel.h"

#include <QEvent>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <set>

#include "shufflescope/base/reporting.h"
#include "shufflescope/tutor/lesson_parser.h"

namespace shufflescope::ui {

namespace {

QString interfaceLanguage() {
    return QLocale().language() == QLocale::Chinese ? QStringLiteral("zh_CN")
                                                    : QStringLiteral("en");
}

QLabel* wrappingLabel(QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

// Step names and formulas kept on one line: Qt breaks "stages.1.1.dw" after a dot and
// "(Cin/g)" after the slash. A word joiner (U+2060) beside each such character inside a word
// removes the break; spaces still break.
QString keepTogether(const QString& text) {
    static const QString joinable = QStringLiteral("./\u00b7()");
    QString out;
    out.reserve(text.size() + text.size() / 8);
    for (int i = 0; i < text.size(); ++i) {
        out += text[i];
        const bool inWord = i + 1 < text.size() && !text[i].isSpace() && !text[i + 1].isSpace();
        if (inWord && (joinable.contains(text[i]) || joinable.contains(text[i + 1])))
            out += QChar(0x2060);
    }
    return out;
}

QString settingsKey(const QString& lesson) {
    return QStringLiteral("lessons/") + lesson;
}

}  // namespace

// [SECTION] Building

LessonPanel::LessonPanel(LessonRunner* runner, QWidget* parent) : QWidget(parent), runner_(runner) {
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(6, 6, 6, 6);
    pages_ = new QStackedWidget(this);
    outer->addWidget(pages_);

    // The lesson list.
    auto* listPage = new QWidget(pages_);
    auto* listLayout = new QVBoxLayout(listPage);
    listLayout->setContentsMargins(0, 0, 0, 0);
    auto* heading = new QLabel(tr("Lessons"), listPage);
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);
    list_ = new QListWidget(listPage);
    list_->setWordWrap(true);
    auto* start = new QPushButton(tr("Start the lesson"), listPage);
    listLayout->addWidget(heading);
    listLayout->addWidget(list_, 1);
    listLayout->addWidget(start);
    const auto startSelected = [this] {
        const int row = list_->currentRow();
        if (row < 0 || row >= library_.size() || !library_[row].error.isEmpty()) return;
        const QList<int> done = completedSteps(library_[row].name);
        // Where the student left off: the first step not done yet.
        int resume = 0;
        while (done.contains(resume) && resume + 1 < library_[row].steps) ++resume;
        (void)open(library_[row].file,
                   resume == library_[row].steps - 1 && done.contains(resume) ? 0 : resume);
    };
    connect(start, &QPushButton::clicked, this, startSelected);
    connect(list_, &QListWidget::itemActivated, this, startSelected);
    pages_->addWidget(listPage);

    // The lesson being taken.
    auto* lessonPage = new QWidget(pages_);
    auto* layout = new QVBoxLayout(lessonPage);
    layout->setContentsMargins(0, 0, 0, 0);
    title_ = wrappingLabel(lessonPage);
    title_->setFont(bold);
    position_ = new QLabel(lessonPage);
    progress_ = new QProgressBar(lessonPage);
    progress_->setTextVisible(false);
    progress_->setMaximumHeight(8);
    text_ = wrappingLabel(lessonPage);
    question_ = new QWidget(lessonPage);
    auto* questionLayout = new QVBoxLayout(question_);
    questionLayout->setContentsMargins(0, 0, 0, 0);
    auto* fieldRow = new QHBoxLayout;
    answerField_ = new QLineEdit(question_);
    answerField_->setPlaceholderText(tr("Your prediction"));
    check_ = new QPushButton(tr("Check"), question_);
    fieldRow->addWidget(answerField_, 1);
    fieldRow->addWidget(check_);
    choicesGrid_ = new QGridLayout;
    questionLayout->addLayout(fieldRow);
    questionLayout->addLayout(choicesGrid_);
    connect(check_, &QPushButton::clicked, this, &LessonPanel::submitAnswer);
    connect(answerField_, &QLineEdit::returnPressed, this, &LessonPanel::submitAnswer);
    feedback_ = wrappingLabel(lessonPage);
    after_ = wrappingLabel(lessonPage);
    hint_ = wrappingLabel(lessonPage);
    QFont italic = hint_->font();
    italic.setItalic(true);
    hint_->setFont(italic);
    auto* buttons = new QHBoxLayout;
    back_ = new QPushButton(tr("Back"), lessonPage);
    skip_ = new QPushButton(tr("Skip"), lessonPage);
    next_ = new QPushButton(tr("Next"), lessonPage);
    next_->setDefault(true);
    buttons->addWidget(back_);
    buttons->addStretch(1);
    buttons->addWidget(skip_);
    buttons->addWidget(next_);
    lessons_ = new QPushButton(tr("All lessons"), lessonPage);
    layout->addWidget(title_);
    layout->addWidget(position_);
    layout->addWidget(progress_);
    // The reading scrolls when the text is long (large projector type); Back, Skip and Next stay
    // in sight below it.
    auto* reading = new QWidget(lessonPage);
    auto* readingLayout = new QVBoxLayout(reading);
    readingLayout->setContentsMargins(0, 0, 0, 0);
    for (QWidget* w : {static_cast<QWidget*>(text_), question_, static_cast<QWidget*>(feedback_),
                       static_cast<QWidget*>(after_), static_cast<QWidget*>(hint_)}) {
        w->setParent(reading);
        readingLayout->addWidget(w);
    }
    readingLayout->addStretch(1);
    readingScroll_ = new QScrollArea(lessonPage);
    readingScroll_->setWidget(reading);
    readingScroll_->setWidgetResizable(true);
    readingScroll_->setFrameShape(QFrame::NoFrame);
    readingScroll_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    layout->addWidget(readingScroll_, 1);
    layout->addLayout(buttons);
    layout->addWidget(lessons_);
    pages_->addWidget(lessonPage);

    connect(back_, &QPushButton::clicked, runner_, &LessonRunner::back);
    connect(skip_, &QPushButton::clicked, runner_, &LessonRunner::skip);
    connect(next_, &QPushButton::clicked, runner_, &LessonRunner::next);
    connect(lessons_, &QPushButton::clicked, this, [this] {
        runner_->stop();
        refreshList();
    });
    connect(runner_, &LessonRunner::changed, this, &LessonPanel::refresh);
    connect(runner_, &LessonRunner::stepCompleted, this, &LessonPanel::remember);
    connect(runner_, &LessonRunner::finished, this, [this] {
        runner_->stop();
        refreshList();
    });
    watchKeys(this);
    refresh();
}

void LessonPanel::watchKeys(QWidget* widget) {
    widget->installEventFilter(this);
    for (QWidget* child : widget->findChildren<QWidget*>()) child->installEventFilter(this);
}

// [SECTION] The library and opening a lesson

void LessonPanel::setLibrary(const QStringList& files) {
    library_.clear();
    for (const QString& file : files) {
        Entry entry{file, QFileInfo(file).completeBaseName(), QString(), 0, QString()};
        try {
            const Lesson lesson = readLessonFile(file.toStdString());
            (void)walkLesson(lesson);
            entry.name = QString::fromStdString(lesson.name);
            entry.title = QString::fromStdString(
                lesson.title.in(interfaceLanguage().toStdString(), lesson.languages.front()));
            entry.steps = static_cast<int>(lesson.steps.size());
        } catch (const Error& e) {
            entry.error = QString::fromStdString(e.what());
        }
        library_.append(entry);
    }
    refreshList();
}

std::variant<std::pair<Lesson, LessonWalk>, QString> LessonPanel::load(const QString& nameOrFile,
                                                                       int step) const {
    QString file = nameOrFile;
    for (const Entry& entry : library_)
        if (entry.name == nameOrFile) file = entry.file;
    try {
        Lesson lesson = readLessonFile(file.toStdString());
        LessonWalk walk = walkLesson(lesson);
        const int steps = static_cast<int>(lesson.steps.size());
        if (step < 0 || step >= steps)
            return tr("%1: the lesson has steps 1 to %2; there is no step %3")
                .arg(file)
                .arg(steps)
                .arg(step + 1);
        return std::pair{std::move(lesson), std::move(walk)};
    } catch (const Error& e) {
        return QString::fromStdString(e.what());
    }
}

std::optional<QString> LessonPanel::check(const QString& nameOrFile, int step) const {
    auto loaded = load(nameOrFile, step);
    if (auto* error = std::get_if<QString>(&loaded)) return *error;
    return std::nullopt;
}

std::optional<QString> LessonPanel::open(const QString& nameOrFile, int step) {
    auto loaded = load(nameOrFile, step);
    if (auto* error = std::get_if<QString>(&loaded)) return *error;
    auto& [lesson, walk] = std::get<std::pair<Lesson, LessonWalk>>(loaded);
    runner_->start(std::move(lesson), std::move(walk), interfaceLanguage(), step);
    return std::nullopt;
}

QString LessonPanel::runningLessonReference() const {
    if (!runner_->running()) return {};
    const QString file = QString::fromStdString(runner_->lesson().file);
    for (const Entry& entry : library_)
        if (QFileInfo(entry.file).canonicalFilePath() == QFileInfo(file).canonicalFilePath())
            return entry.name;
    return QFileInfo(file).absoluteFilePath();
}

QList<int> LessonPanel::completedSteps(const QString& name) const {
    QList<int> steps;
    for (const QVariant& v : QSettings().value(settingsKey(name)).toList()) steps.append(v.toInt());
    return steps;
}

void LessonPanel::remember(const QString& lesson, int step) {
    if (!persist_) return;
    QList<int> done = completedSteps(lesson);
    if (done.contains(step)) return;
    done.append(step);
    std::sort(done.begin(), done.end());
    QVariantList stored;
    for (int s : done) stored.append(s);
    QSettings().setValue(settingsKey(lesson), stored);
}

// [SECTION] Showing the state

void LessonPanel::refreshList() {
    list_->clear();
    for (int i = 0; i < library_.size(); ++i) {
        const Entry& e = library_[i];
        QString line;
        if (!e.error.isEmpty()) {
            line = tr("%1 (cannot be used: %2)").arg(QFileInfo(e.file).fileName(), e.error);
        } else {
            const int done = completedSteps(e.name).size();
            const QString progress = done >= e.steps ? tr("done")
                                     : done == 0     ? tr("%n step(s)", nullptr, e.steps)
                                                 : tr("%1 of %2 steps done").arg(done).arg(e.steps);
            line = QStringLiteral("%1. %2 \u2014 %3").arg(i + 1).arg(e.title, progress);
        }
        auto* item = new QListWidgetItem(line, list_);
        if (!e.error.isEmpty()) item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
    }
    if (list_->count() > 0 && list_->currentRow() < 0) list_->setCurrentRow(0);
}

void LessonPanel::rebuildChoices() {
    if (choicesFor_ == runner_->stepIndex() && !choiceButtons_.isEmpty()) return;
    qDeleteAll(choiceButtons_);
    choiceButtons_.clear();
    choicesFor_ = runner_->stepIndex();
    for (const long long value : runner_->walked().choices) {
        auto* button =
            new QPushButton(QString::fromStdString(withThousandsSeparators(value)), question_);
        button->installEventFilter(this);
        connect(button, &QPushButton::clicked, this,
                [this, value] { runner_->answer(double(value)); });
        const int n = static_cast<int>(choiceButtons_.size());
        choicesGrid_->addWidget(button, n / 2, n % 2);
        choiceButtons_.append(button);
    }
}

void LessonPanel::refresh() {
    if (!runner_->running()) {
        pages_->setCurrentIndex(0);
        choicesFor_ = -1;
        emit captionChanged(QString());
        return;
    }
    pages_->setCurrentIndex(1);
    const int index = runner_->stepIndex(), count = runner_->stepCount();
    const auto phase = runner_->phase();
    title_->setText(runner_->title());
    position_->setText(tr("Step %1 of %2").arg(index + 1).arg(count));
    progress_->setRange(0, count);
    progress_->setValue(index + (phase == LessonRunner::Phase::Revealed ? 1 : 0));
    text_->setText(keepTogether(runner_->text()));

    const bool asking = runner_->asksQuestion();
    const bool multipleChoice = asking && !runner_->walked().choices.empty();
    question_->setVisible(asking);
    if (!asking) {
        answerStep_ = -1;  // a question met again (Back, then Next) starts with an empty field
        choicesFor_ = -1;
    } else if (answerStep_ != index) {
        answerField_->clear();
        answerStep_ = index;
    }
    if (asking) {
        const bool open = phase == LessonRunner::Phase::Reading;
        answerField_->setVisible(!multipleChoice);
        check_->setVisible(!multipleChoice);
        answerField_->setEnabled(open);
        check_->setEnabled(open);
        if (multipleChoice) {
            rebuildChoices();
        } else {
            qDeleteAll(choiceButtons_);
            choiceButtons_.clear();
            choicesFor_ = index;
        }
        // Once revealed, the right choice is marked.
        const auto& choices = runner_->walked().choices;
        for (int i = 0; i < choiceButtons_.size() && i < int(choices.size()); ++i) {
            QPushButton* b = choiceButtons_[i];
            b->setEnabled(open);
            const QString value = QString::fromStdString(withThousandsSeparators(choices[i]));
            b->setText(!open && choices[i] == runner_->walked().answer->value
                           ? QStringLiteral("\u2713 ") + value
                           : value);
        }
    }
    const auto feedback = runner_->feedback();
    feedback_->setVisible(feedback.has_value());
    if (feedback) {
        feedback_->setText(keepTogether(feedback->message));
        const QColor colour =
            feedback->correct ? QColor(0x1b, 0x7f, 0x3b) : QColor(0xb3, 0x3c, 0x00);
        feedback_->setStyleSheet(
            feedback->skipped ? QString() : QStringLiteral("color: %1;").arg(colour.name()));
    }
    after_->setText(keepTogether(runner_->afterText()));
    after_->setVisible(!after_->text().isEmpty());
    // The newest text in sight: the top of a new step, the result once revealed.
    QTimer::singleShot(0, this, [this, phase] {
        QScrollBar* bar = readingScroll_->verticalScrollBar();
        bar->setValue(phase == LessonRunner::Phase::Revealed ? bar->maximum() : 0);
    });
    hint_->setText(runner_->hintText().isEmpty()
                       ? QString()
                       : keepTogether(tr("Hint: %1").arg(runner_->hintText())));
    hint_->setVisible(!hint_->text().isEmpty());

    back_->setEnabled(runner_->canGoBack());
    skip_->setVisible(runner_->canSkip());
    next_->setEnabled(runner_->canGoNext());
    const bool hasAction = runner_->step().action || runner_->step().replay;
    next_->setText(phase == LessonRunner::Phase::Reading && hasAction && !asking ? tr("Show me")
                   : index + 1 == count && (phase == LessonRunner::Phase::Revealed || !hasAction)
                       ? tr("Finish")
                       : tr("Next"));
    if (asking && phase == LessonRunner::Phase::Reading && !multipleChoice && isVisible())
        answerField_->setFocus();
    // The presenter's caption: what the panel shows, in reading order.
    QString caption = runner_->text();
    if (feedback) caption += QLatin1Char(' ') + feedback->message;
    if (!runner_->afterText().isEmpty()) caption += QLatin1Char(' ') + runner_->afterText();
    emit captionChanged(caption);
}

QString LessonPanel::shownText() const {
    QStringList parts;
    for (const QLabel* label : {text_, feedback_, after_, hint_})
        if (label->isVisibleTo(this) && !label->text().isEmpty()) parts << label->text();
    // As read: without the word joiners that keep names on one line.
    return parts.join(QLatin1Char('\n')).remove(QChar(0x2060));
}

void LessonPanel::submitAnswer() {
    bool ok = false;
    // Students type "294912", "294,912" or "294 912".
    QString typed = answerField_->text();
    typed.remove(QLatin1Char(',')).remove(QLatin1Char(' ')).remove(QChar(0xFF0C));
    const double value = typed.toDouble(&ok);
    if (!ok) {
        feedback_->setVisible(true);
        feedback_->setStyleSheet(QString());
        feedback_->setText(tr("Type a number first."));
        return;
    }
    runner_->answer(value);
}

void LessonPanel::setFontScale(double scale) {
    // The panel inherits the window's text size; the lesson's own sentences are read from the
    // back of a room, a little larger than the controls around them.
    fontScale_ = scale;
    for (QLabel* label : {title_, text_, feedback_, after_, hint_}) {
        QFont f = label->font();
        f.setPointSizeF(10.0 * scale * 1.15);
        label->setFont(f);
    }
}

// [SECTION] Keys

bool LessonPanel::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() != QEvent::ShortcutOverride && event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    const auto* key = static_cast<QKeyEvent*>(event);
    const bool inField = watched == answerField_;
    const bool forward =
        key->key() == Qt::Key_PageDown || (key->key() == Qt::Key_Space && !inField);
    const bool backward = key->key() == Qt::Key_PageUp;
    if (!runner_->running() || key->modifiers() != Qt::NoModifier || !(forward || backward))
        return QWidget::eventFilter(watched, event);
    // The panel has the focus: Space and the Page keys are the lesson's, not the window's
    // shortcuts (play, unit steps).
    event->accept();
    if (event->type() == QEvent::KeyPress) {
        if (forward) runner_->next();
        if (backward) runner_->back();
    }
    return event->type() == QEvent::KeyPress;
}

}  // namespace shufflescope::ui
