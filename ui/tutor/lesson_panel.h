#pragma once
// The Lesson panel (a dock; L): the bundled lessons with the student's progress, and the lesson
// being taken — its text, a question's answer field or choices, the feedback, a task's hint, and
// Back / Skip / Next. Space, Page Down and Page Up drive it while it has the focus. The logic is
// LessonRunner's; this widget only shows it and forwards the student's input.

#include <QStringList>
#include <QWidget>
#include <variant>

#include "tutor/lesson_runner.h"

class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QScrollArea;
class QVBoxLayout;
class QHBoxLayout;
class QGridLayout;

namespace shufflescope::ui {

class LessonPanel : public QWidget {
    Q_OBJECT
  public:
    LessonPanel(LessonRunner* runner, QWidget* parent = nullptr);

    // The bundled lessons (assets/lessons/), read and walked; a file that fails is listed as
    // unusable with its error rather than hidden.
    void setLibrary(const QStringList& files);
    // Opens a lesson at `step`: LessonError's message (file:line: problem) when it cannot be,
    // and the lesson running before (if any) keeps running.
    std::optional<QString> open(const QString& nameOrFile, int step = 0);
    // The message open() would give, without opening anything.
    std::optional<QString> check(const QString& nameOrFile, int step = 0) const;
    // The lesson running as a saved demo names it: a bundled one by name, else its file.
    QString runningLessonReference() const;
    void setFontScale(double scale);
    // Steps the student completed in lesson `name` (kept in the settings).
    QList<int> completedSteps(const QString& name) const;
    void setPersistent(bool persistent) { persist_ = persistent; }

    // For tests: the widgets a student uses.
    QLineEdit* answerField() const { return answerField_; }
    QList<QPushButton*> choiceButtons() const { return choiceButtons_; }
    QPushButton* nextButton() const { return next_; }
    QPushButton* backButton() const { return back_; }
    QPushButton* skipButton() const { return skip_; }
    QListWidget* lessonList() const { return list_; }
    QString shownText() const;  // the text, feedback, after and hint as shown

  signals:
    // The lesson shown changed (title, step, text): the presenter's caption follows it.
    void captionChanged(const QString& caption);

  protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

  private:
    void refresh();
    void refreshList();
    void rebuildChoices();
    void submitAnswer();
    void remember(const QString& lesson, int step);
    void watchKeys(QWidget* widget);
    // The lesson read and walked, or why it cannot be opened at `step`.
    std::variant<std::pair<Lesson, LessonWalk>, QString> load(const QString& nameOrFile,
                                                              int step) const;

    struct Entry {
        QString file;
        QString name;
        QString title;
        int steps = 0;
        QString error;  // non-empty: the file could not be used
    };
    LessonRunner* runner_;
    QList<Entry> library_;
    bool persist_ = true;
    QStackedWidget* pages_ = nullptr;
    QListWidget* list_ = nullptr;
    QLabel* title_ = nullptr;
    QScrollArea* readingScroll_ = nullptr;
    QLabel* position_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QLabel* text_ = nullptr;
    QWidget* question_ = nullptr;
    QLineEdit* answerField_ = nullptr;
    QPushButton* check_ = nullptr;
    QGridLayout* choicesGrid_ = nullptr;  // two per row: the dock is narrow
    QList<QPushButton*> choiceButtons_;
    QLabel* feedback_ = nullptr;
    QLabel* after_ = nullptr;
    QLabel* hint_ = nullptr;
    QPushButton* back_ = nullptr;
    QPushButton* skip_ = nullptr;
    QPushButton* next_ = nullptr;
    QPushButton* lessons_ = nullptr;
    int choicesFor_ = -1;  // the step the choice buttons were made for
    int answerStep_ = -1;  // the step the answer field was last cleared for
    double fontScale_ = 1.0;
};

}  // namespace shufflescope::ui
