// shufflescope_bench_key_to_view: the app's own path, measured. Starts the real main window
// (as app/desktop/main.cpp does), loads the ImageNet preset at 1x width and g = 8, and then
// delivers real key events to the focused widget, as a user's keys arrive — a group key
// (alternately 3 and 8), S (the shuffle), the right and left arrows (the next and previous
// step) — and times each from the key until both the operation view and the feature-map canvas
// have painted the new result. Also times the capture pass alone (every step kept, what the
// views draw) and the whole inference job a key starts, states the memory the capture of every
// step holds, and the process's resident memory, thread count and the machine's load average.
//
// Not Google Benchmark: it needs a window and the event loop. Run it on a display, or under
// Xvfb: tests/with_display.sh build/bench/shufflescope_bench_key_to_view [--rounds N]
// [--kinds g,S,next,prev] [--step NAME] [--gap MS] [--capture-runs N] [--json FILE]
// [--no-animations]
//
// How "painted" is observed, without timing code in the app: the application's notify() is
// overridden here, so the end of the operation view's paint event and the start of the canvas's
// are seen as Qt delivers them; the canvas is on screen when QOpenGLWidget::frameSwapped follows
// (the window's composition, which carries the operation view's pixels too). A key's phases:
// the request submitted (Session::requestChanged, inside the key's handling), the job's result
// handed to the GUI thread (the start of the session's QFutureWatcher event that emits
// snapshotChanged), the views refreshed (selectionChanged, the last signal of the result),
// the operation view painted, the canvas on screen. A step key has no job: it refreshes the views
// at once.
//
// Sections: Clock and probes · Measuring one key · Statistics and output · Capture pass ·
//   Main

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QFutureWatcherBase>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "canvas/feature_map_canvas.h"
#include "main_window.h"
#include "session/assets.h"
#include "session/inference_job.h"
#include "session/parameter_cache.h"
#include "session/session.h"
#include "shufflescope/base/threading.h"
#include "shufflescope/exec/capture_forward.h"
#include "shufflescope/io/image_input.h"
#include "shufflescope/model/initialization.h"
#include "views/operation/operation_view.h"
#include "views/timeline_view.h"

using namespace shufflescope;
using namespace shufflescope::ui;

namespace {

// [SECTION] Clock and probes

QElapsedTimer gClock;
double nowMs() {
    return double(gClock.nsecsElapsed()) / 1e6;
}

// What one key is waiting for; -1: not yet.
struct KeyProbe {
    bool active = false;
    bool expectsResult = false;  // g and S start a job; the step keys do not
    double key = -1, submitted = -1, arrived = -1, refreshed = -1, operationPainted = -1,
           canvasPaintStarted = -1, canvasOnScreen = -1;
    bool resultSeen = false;
    bool done() const { return operationPainted >= 0 && canvasOnScreen >= 0; }
};

KeyProbe gProbe;
QObject* gOperationView = nullptr;
QObject* gCanvas = nullptr;
QObject* gSession = nullptr;
std::vector<double> gWatcherEventStarts;  // the session's watcher events being delivered (nested)

// The application, with notify() watching the few deliveries the measurement needs.
class ProbedApplication final : public QApplication {
  public:
    ProbedApplication(int& argc, char** argv) : QApplication(argc, argv) {}
    bool notify(QObject* receiver, QEvent* event) override {
        // Read before delivery: the receiver may be deleted by it (DeferredDelete).
        const QEvent::Type type = event->type();
        const bool operationPaint = receiver == gOperationView && type == QEvent::Paint;
        const bool canvasPaint = receiver == gCanvas && type == QEvent::Paint;
        const bool watcher = gSession && receiver->parent() == gSession &&
                             qobject_cast<QFutureWatcherBase*>(receiver) != nullptr;
        if (canvasPaint && gProbe.active && gProbe.refreshed >= 0 && gProbe.canvasPaintStarted < 0)
            gProbe.canvasPaintStarted = nowMs();
        if (watcher) gWatcherEventStarts.push_back(nowMs());
        const bool result = QApplication::notify(receiver, event);
        if (watcher) gWatcherEventStarts.pop_back();
        if (operationPaint && gProbe.active && gProbe.refreshed >= 0 && gProbe.operationPainted < 0)
            gProbe.operationPainted = nowMs();
        return result;
    }
};

// [SECTION] Measuring one key

enum class Kind { GroupsTo3, GroupsTo8, Shuffle, Next, Previous };

struct KindInfo {
    Kind kind;
    const char* id;     // JSON
    const char* label;  // table
    Qt::Key key;
    bool startsJob;
};

const std::vector<KindInfo>& kindInfos() {
    static const std::vector<KindInfo> infos = {
        {Kind::GroupsTo3, "key_3", "3 (g 8 -> 3)", Qt::Key_3, true},
        {Kind::GroupsTo8, "key_8", "8 (g 3 -> 8)", Qt::Key_8, true},
        {Kind::Shuffle, "key_S", "S (shuffle, g 8)", Qt::Key_S, true},
        {Kind::Next, "key_right", "-> (next step)", Qt::Key_Right, false},
        {Kind::Previous, "key_left", "<- (previous step)", Qt::Key_Left, false},
    };
    return infos;
}

const KindInfo& infoOf(Kind kind) {
    for (const KindInfo& i : kindInfos())
        if (i.kind == kind) return i;
    return kindInfos().front();
}

struct Sample {
    Kind kind;
    double total;  // key -> both views on screen
    double submitted, arrived, refreshed, operationPainted, canvasOnScreen;  // from the key
};

// Processes events until `done` or `timeoutMs`; blocks for events rather than polling, so the
// wait adds no delay of its own to what it measures.
bool runUntil(const std::function<bool()>& done, int timeoutMs) {
    QElapsedTimer timer;
    timer.start();
    QTimer wake;  // wakes the blocking wait at least this often, to check the timeout
    wake.start(50);
    while (!done()) {
        if (timer.elapsed() > timeoutMs) return false;
        QApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

void settle(int ms) {
    QElapsedTimer timer;
    timer.start();
    runUntil([&] { return timer.elapsed() >= ms; }, ms + 1000);
}

// The focused widget, as a user's key would find it: one of the views, not a control that keeps
// keys for itself (a combo box, a text field).
QWidget* focusedWidget(MainWindow& window) {
    if (QApplication::activeWindow() != &window) {
        window.activateWindow();
        (void)QTest::qWaitForWindowActive(&window, 10000);
    }
    QWidget* focus = QApplication::focusWidget();
    const bool keepsKeys = qobject_cast<QComboBox*>(focus) || qobject_cast<QLineEdit*>(focus);
    if (!focus || keepsKeys || focus->window() != &window) {
        window.timeline()->setFocus(Qt::OtherFocusReason);
        focus = QApplication::focusWidget();
    }
    return focus;
}

// Waits until the session is idle and the canvas has stopped asking for frames.
bool waitIdle(MainWindow& window, int gapMs) {
    if (!window.session().waitUntilIdle(60000)) return false;
    settle(gapMs);
    return !window.session().busy();
}

std::optional<Sample> measureKey(MainWindow& window, Kind kind, int timeoutMs) {
    const KindInfo& info = infoOf(kind);
    QWidget* focus = focusedWidget(window);
    if (!focus) return std::nullopt;
    gProbe = {};
    gProbe.active = true;
    gProbe.expectsResult = info.startsJob;
    gProbe.key = nowMs();
    QTest::keyClick(focus, info.key);
    const bool finished = runUntil([] { return gProbe.done(); }, timeoutMs);
    gProbe.active = false;
    if (!finished) return std::nullopt;
    const double k = gProbe.key;
    const auto since = [k](double t) { return t >= 0 ? t - k : -1.0; };
    return Sample{.kind = kind,
                  .total = std::max(gProbe.operationPainted, gProbe.canvasOnScreen) - k,
                  .submitted = since(gProbe.submitted),
                  .arrived = since(gProbe.arrived),
                  .refreshed = since(gProbe.refreshed),
                  .operationPainted = since(gProbe.operationPainted),
                  .canvasOnScreen = since(gProbe.canvasOnScreen)};
}

void connectProbes(MainWindow& window) {
    Session& session = window.session();
    gSession = &session;
    gOperationView = window.operationView();
    gCanvas = window.canvas();
    // Connected after the window's own: these run once the window has refreshed its views.
    QObject::connect(&session, &Session::requestChanged, [] {
        if (gProbe.active && gProbe.submitted < 0) gProbe.submitted = nowMs();
    });
    QObject::connect(&session, &Session::snapshotChanged, [] {
        if (!gProbe.active || !gProbe.expectsResult || gProbe.resultSeen) return;
        gProbe.resultSeen = true;
        gProbe.arrived = gWatcherEventStarts.empty() ? nowMs() : gWatcherEventStarts.back();
    });
    QObject::connect(&session, &Session::selectionChanged, [] {
        if (!gProbe.active || gProbe.refreshed >= 0) return;
        if (gProbe.expectsResult && !gProbe.resultSeen) return;
        gProbe.refreshed = nowMs();
    });
    QObject::connect(window.canvas(), &QOpenGLWidget::frameSwapped, [] {
        if (gProbe.active && gProbe.canvasPaintStarted >= 0 && gProbe.canvasOnScreen < 0)
            gProbe.canvasOnScreen = nowMs();
    });
}

// [SECTION] Statistics and output

double percentile(std::vector<double> values, double p) {
    values.erase(std::remove_if(values.begin(), values.end(), [](double v) { return v < 0; }),
                 values.end());
    if (values.empty()) return -1;
    std::sort(values.begin(), values.end());
    // Nearest rank: the median of an even count is the upper middle value.
    const std::size_t rank = std::size_t(std::ceil(p * double(values.size())));
    return values[std::clamp<std::size_t>(rank, 1, values.size()) - 1];
}

double median(const std::vector<double>& values) {
    return percentile(values, 0.5);
}

std::string readFile(const char* path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// A field of /proc/self/status ("VmRSS", "Threads"), as its number.
long statusField(const char* name) {
    std::istringstream in(readFile("/proc/self/status"));
    std::string line;
    const std::string prefix = std::string(name) + ":";
    while (std::getline(in, line))
        if (line.rfind(prefix, 0) == 0) return std::stol(line.substr(prefix.size()));
    return -1;
}

std::string loadAverage() {
    std::istringstream in(readFile("/proc/loadavg"));
    std::string one, five, fifteen;
    in >> one >> five >> fifteen;
    return one + " " + five + " " + fifteen;
}

struct CaptureFigures {
    double captureMedianMs = 0;     // the engine's default thread count
    double captureOneThreadMs = 0;  // one thread, as the session's jobs run it
    int threads = 0;
    double jobMedianMs = 0;    // the whole job a key starts (runInference)
    double forwardTimeMs = 0;  // the fast-path timing job that follows a shown result
    double captureMegabytes = 0;
    int steps = 0;
    int runs = 0;
};

struct Report {
    int rounds = 0;
    std::vector<Sample> samples;
    CaptureFigures capture;
    double residentMegabytes = 0, peakResidentMegabytes = 0;
    long threads = 0;
    std::string loadBefore, loadAfter;
    int cpus = 0;
    std::string stepName;
    bool animations = true;
};

std::vector<double> field(const std::vector<Sample>& samples, Kind kind, double Sample::*member) {
    std::vector<double> values;
    for (const Sample& s : samples)
        if (s.kind == kind) values.push_back(s.*member);
    return values;
}

// A phase's median: the median of (to - from) over the kind's samples.
double phaseMedian(const std::vector<Sample>& samples, Kind kind, double Sample::*from,
                   double Sample::*to) {
    std::vector<double> values;
    for (const Sample& s : samples) {
        if (s.kind != kind) continue;
        const double a = from ? s.*from : 0.0, b = s.*to;
        if ((from && a < 0) || b < 0) continue;
        values.push_back(b - a);
    }
    return median(values);
}

struct Phases {
    double submitted, arrived, refreshed, operation, canvas;  // each from the phase before
};

Phases phasesOf(const std::vector<Sample>& samples, Kind kind) {
    const bool job = infoOf(kind).startsJob;
    return {
        .submitted = job ? phaseMedian(samples, kind, nullptr, &Sample::submitted) : -1,
        .arrived = job ? phaseMedian(samples, kind, &Sample::submitted, &Sample::arrived) : -1,
        .refreshed =
            phaseMedian(samples, kind, job ? &Sample::arrived : nullptr, &Sample::refreshed),
        .operation = phaseMedian(samples, kind, &Sample::refreshed, &Sample::operationPainted),
        .canvas = phaseMedian(samples, kind, &Sample::operationPainted, &Sample::canvasOnScreen)};
}

std::vector<Kind> kindsMeasured(const std::vector<Sample>& samples) {
    std::vector<Kind> kinds;
    for (const KindInfo& i : kindInfos())
        if (!field(samples, i.kind, &Sample::total).empty()) kinds.push_back(i.kind);
    return kinds;
}

std::string cell(double v) {
    if (v < 0) return "-";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", v);
    return buffer;
}

void printReport(const Report& r) {
    std::printf("\nImageNet preset, 1x width, g = 8 (%s), step %s, animations %s; %d rounds\n",
                "random weights", r.stepName.c_str(), r.animations ? "on" : "off", r.rounds);
    std::printf(
        "\nKey to both views updated (operation view painted and feature maps on screen)\n");
    std::printf("%-22s %5s %9s %9s %9s\n", "key", "n", "median", "p90", "max");
    for (Kind kind : kindsMeasured(r.samples)) {
        const std::vector<double> totals = field(r.samples, kind, &Sample::total);
        std::printf("%-22s %5zu %9s %9s %9s  ms\n", infoOf(kind).label, totals.size(),
                    cell(median(totals)).c_str(), cell(percentile(totals, 0.9)).c_str(),
                    cell(*std::max_element(totals.begin(), totals.end())).c_str());
    }
    std::printf("\nWhere the time goes (medians, ms, each phase from the one before)\n");
    std::printf("%-22s %10s %10s %10s %10s %10s\n", "key", "submitted", "job done", "refreshed",
                "op. view", "canvas");
    for (Kind kind : kindsMeasured(r.samples)) {
        const Phases p = phasesOf(r.samples, kind);
        std::printf("%-22s %10s %10s %10s %10s %10s\n", infoOf(kind).label,
                    cell(p.submitted).c_str(), cell(p.arrived).c_str(), cell(p.refreshed).c_str(),
                    cell(p.operation).c_str(), cell(p.canvas).c_str());
    }
    std::printf(
        "  submitted: key -> Session::requestChanged (the job queued)\n"
        "  job done:  -> the job's result handed to the GUI thread\n"
        "  refreshed: -> the window's views given the result (snapshotChanged and\n"
        "             selectionChanged handled); for a step key, from the key\n"
        "  op. view:  -> the operation view's paint event finished\n"
        "  canvas:    -> the feature-map canvas's frame on screen (frameSwapped)\n");
    std::printf(
        "\nCapture pass alone (forwardCapture, batch 1, %d runs): median %.2f ms on %d "
        "threads, %.2f ms on 1 (as the session runs it)\n",
        r.capture.runs, r.capture.captureMedianMs, r.capture.threads, r.capture.captureOneThreadMs);
    std::printf(
        "Inference job a key starts (runInference on 1 thread: weights from the cache, input, "
        "capture pass): median %.2f ms\n",
        r.capture.jobMedianMs);
    std::printf(
        "Fast-path timing job after a result is shown (timeForwardPass, off the key's "
        "path): median %.2f ms\n",
        r.capture.forwardTimeMs);
    std::printf("Capture of every step (%d tensors): %.1f MB\n", r.capture.steps,
                r.capture.captureMegabytes);
    std::printf("Resident after the rounds: %.1f MB (peak %.1f MB); threads: %ld\n",
                r.residentMegabytes, r.peakResidentMegabytes, r.threads);
    std::printf("Load average before: %s; after: %s (%d CPUs)\n", r.loadBefore.c_str(),
                r.loadAfter.c_str(), r.cpus);
}

bool writeJson(const Report& r, const QString& path) {
    QJsonObject root;
    root["network"] = QJsonObject{{"preset", "imagenet"},
                                  {"width_scale", 1.0},
                                  {"groups", 8},
                                  {"step", QString::fromStdString(r.stepName)},
                                  {"animations", r.animations}};
    root["rounds"] = r.rounds;
    QJsonObject keys;
    for (Kind kind : kindsMeasured(r.samples)) {
        const std::vector<double> totals = field(r.samples, kind, &Sample::total);
        const Phases p = phasesOf(r.samples, kind);
        QJsonArray all;
        for (double t : totals) all.append(t);
        keys[infoOf(kind).id] =
            QJsonObject{{"label", infoOf(kind).label},
                        {"n", int(totals.size())},
                        {"median_ms", median(totals)},
                        {"p90_ms", percentile(totals, 0.9)},
                        {"max_ms", *std::max_element(totals.begin(), totals.end())},
                        {"samples_ms", all},
                        {"phase_medians_ms", QJsonObject{{"submitted", p.submitted},
                                                         {"job_done", p.arrived},
                                                         {"refreshed", p.refreshed},
                                                         {"operation_view_painted", p.operation},
                                                         {"canvas_on_screen", p.canvas}}}};
    }
    root["key_to_view"] = keys;
    root["capture_pass_median_ms"] = r.capture.captureMedianMs;
    root["capture_pass_threads"] = r.capture.threads;
    root["capture_pass_one_thread_median_ms"] = r.capture.captureOneThreadMs;
    root["capture_pass_runs"] = r.capture.runs;
    root["inference_job_median_ms"] = r.capture.jobMedianMs;
    root["forward_timing_job_median_ms"] = r.capture.forwardTimeMs;
    root["capture_megabytes"] = r.capture.captureMegabytes;
    root["capture_steps"] = r.capture.steps;
    root["resident_megabytes"] = r.residentMegabytes;
    root["peak_resident_megabytes"] = r.peakResidentMegabytes;
    root["threads"] = double(r.threads);
    root["load_average_before"] = QString::fromStdString(r.loadBefore);
    root["load_average_after"] = QString::fromStdString(r.loadAfter);
    root["cpus"] = r.cpus;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) return false;
    file.write(QJsonDocument(root).toJson());
    return true;
}

// [SECTION] Capture pass

CaptureFigures measureCapture(const ModelConfig& config, int runs) {
    CaptureFigures figures;
    figures.runs = runs;
    const Network network = Network::build(config);
    const Parameters parameters = randomParameters(network, kRandomSeed);
    const Tensor input = loadInput(defaultSampleFor(config).toStdString(), config);
    using Clock = std::chrono::steady_clock;
    std::vector<double> times;
    (void)forwardCapture(network, parameters, input);  // warm-up
    for (int i = 0; i < runs; ++i) {
        const Clock::time_point start = Clock::now();
        const std::vector<Tensor> outputs = forwardCapture(network, parameters, input);
        times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
        if (i == 0) {
            double bytes = 0;
            for (const Tensor& t : outputs) bytes += double(t.size()) * sizeof(float);
            figures.captureMegabytes = bytes / (1024.0 * 1024.0);
            figures.steps = int(outputs.size());
        }
    }
    figures.captureMedianMs = median(times);
    figures.threads = threadCount();

    // The session's jobs run the engine on one thread (session.cpp, runUnlessStale).
    setThreadCount(1);
    times.clear();
    for (int i = 0; i < runs; ++i) {
        const Clock::time_point start = Clock::now();
        (void)forwardCapture(network, parameters, input);
        times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    figures.captureOneThreadMs = median(times);

    // The job a group or shuffle key starts, as the session runs it (weights cached).
    ParameterCache cache;
    const InferenceRequest request{.config = config,
                                   .inputPath = defaultSampleFor(config),
                                   .weights = {bundledCheckpointFor(config)},
                                   .generation = 1};
    (void)runInference(request, cache);  // fills the cache, as the app's first visit does
    std::vector<double> jobs;
    for (int i = 0; i < std::max(3, runs / 4); ++i) {
        const Clock::time_point start = Clock::now();
        (void)runInference(request, cache);
        jobs.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    figures.jobMedianMs = median(jobs);
    setThreadCount(figures.threads);  // the timing job runs at the engine's own count
    // The timing of the fast path the session runs once a result is shown (off the key's path).
    const InferenceOutcome shown = runInference(request, cache);
    std::vector<double> timings;
    for (int i = 0; i < 3 && shown.snapshot; ++i) {
        const Clock::time_point start = Clock::now();
        (void)timeForwardPass(*shown.snapshot);
        timings.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    figures.forwardTimeMs = median(timings);
    return figures;
}

struct Options {
    int rounds = 30;
    std::vector<Kind> kinds = {Kind::GroupsTo3, Kind::GroupsTo8, Kind::Shuffle, Kind::Next,
                               Kind::Previous};
    std::string step = "stages.0.1.pw2";
    int gapMs = 300;
    int captureRuns = 20;
    QString json;
    bool animations = true;
};

int usage(const char* message) {
    std::fprintf(stderr,
                 "shufflescope_bench_key_to_view: %s\n"
                 "usage: shufflescope_bench_key_to_view [--rounds N] [--kinds g,S,next,prev]\n"
                 "       [--step NAME] [--gap MS] [--capture-runs N] [--json FILE] "
                 "[--no-animations]\n",
                 message);
    return 2;
}

std::optional<Options> parseOptions(const QStringList& args, std::string* error) {
    Options o;
    for (int i = 1; i < args.size(); ++i) {
        const QString& a = args[i];
        const bool hasValue = i + 1 < args.size();
        const auto number = [&](int* out) {
            bool ok = false;
            *out = args[++i].toInt(&ok);
            return ok && *out >= 0;
        };
        if (a == "--rounds" && hasValue) {
            if (!number(&o.rounds) || o.rounds < 1)
                return *error = "--rounds: a positive number", std::nullopt;
        } else if (a == "--gap" && hasValue) {
            if (!number(&o.gapMs)) return *error = "--gap: milliseconds", std::nullopt;
        } else if (a == "--capture-runs" && hasValue) {
            if (!number(&o.captureRuns) || o.captureRuns < 1)
                return *error = "--capture-runs: a positive number", std::nullopt;
        } else if (a == "--step" && hasValue) {
            o.step = args[++i].toStdString();
        } else if (a == "--json" && hasValue) {
            o.json = args[++i];
        } else if (a == "--no-animations") {
            o.animations = false;
        } else if (a == "--kinds" && hasValue) {
            o.kinds.clear();
            for (const QString& k : args[++i].split(',', Qt::SkipEmptyParts)) {
                if (k == "g") {
                    o.kinds.push_back(Kind::GroupsTo3);
                    o.kinds.push_back(Kind::GroupsTo8);
                } else if (k == "S") {
                    o.kinds.push_back(Kind::Shuffle);
                } else if (k == "next") {
                    o.kinds.push_back(Kind::Next);
                } else if (k == "prev") {
                    o.kinds.push_back(Kind::Previous);
                } else {
                    *error = "--kinds: unknown kind '" + k.toStdString() +
                             "' (expected g, S, next, prev)";
                    return std::nullopt;
                }
            }
            if (o.kinds.empty()) return *error = "--kinds: none given", std::nullopt;
        } else {
            *error = "unknown or incomplete option '" + a.toStdString() + "'";
            return std::nullopt;
        }
    }
    return o;
}

}  // namespace

// [SECTION] Main

int main(int argc, char** argv) {
    QCoreApplication::setOrganizationName(QStringLiteral("ShuffleScope"));
    QCoreApplication::setApplicationName(QStringLiteral("ShuffleScope"));
    ProbedApplication app(argc, argv);
    std::string error;
    const std::optional<Options> parsed = parseOptions(QApplication::arguments(), &error);
    if (!parsed) return usage(error.c_str());
    const Options& options = *parsed;
    gClock.start();

    Report report;
    report.rounds = options.rounds;
    report.cpus = QThread::idealThreadCount();
    report.stepName = options.step;
    report.animations = options.animations;
    report.loadBefore = loadAverage();

    // As app/desktop/main.cpp opens it: no saved settings (a clean, reproducible state).
    MainWindow window(false);
    window.setAnimationsEnabled(options.animations);
    window.show();
    window.activateWindow();
    if (!QTest::qWaitForWindowExposed(&window, 60000)) {
        std::fprintf(stderr,
                     "shufflescope_bench_key_to_view: the window was never shown (is "
                     "there a display? run under tests/with_display.sh)\n");
        return 1;
    }
    connectProbes(window);
    Session& session = window.session();
    const auto fail = [](const char* what) {
        std::fprintf(stderr, "shufflescope_bench_key_to_view: %s\n", what);
        return 1;
    };
    if (!session.waitUntilIdle(120000) || !session.snapshot())
        return fail("the window never showed a result (the first forward pass did not finish)");

    // The ImageNet preset at 1x and g = 8, through the keys a user presses (P, W, 8).
    const auto press = [&](Qt::Key key) {
        QWidget* focus = focusedWidget(window);
        if (focus) QTest::keyClick(focus, key);
        return session.waitUntilIdle(120000) && session.snapshot();
    };
    for (int i = 0; i < 3 && session.config().preset != "imagenet"; ++i)
        if (!press(Qt::Key_P)) return fail("no result after P (the ImageNet preset)");
    for (int i = 0; i < 8 && session.config().widthScale != 1.0; ++i)
        if (!press(Qt::Key_W)) return fail("no result after W (the width)");
    if (session.config().groups != 8 && !press(Qt::Key_8)) return fail("no result after 8 (g = 8)");
    const ModelConfig config = session.snapshot()->config();
    if (config.preset != "imagenet" || config.widthScale != 1.0 || config.groups != 8)
        return fail("could not set the ImageNet preset at 1x width and g = 8 with the keys");
    if (!session.selectStepByName(QString::fromStdString(options.step)))
        return fail(("no step named '" + options.step + "'").c_str());
    if (!waitIdle(window, 1000)) return fail("the session never became idle");
    // The first visit to each configuration makes its weights (cached after): once, unmeasured.
    for (Qt::Key key : {Qt::Key_3, Qt::Key_8, Qt::Key_S, Qt::Key_S})
        if (!press(key)) return fail("no result after a warm-up key");
    waitIdle(window, options.gapMs);

    std::printf("Measuring %d rounds of %zu keys (gap %d ms between keys)...\n", options.rounds,
                options.kinds.size(), options.gapMs);
    std::fflush(stdout);
    for (int round = 0; round < options.rounds; ++round) {
        for (Kind kind : options.kinds) {
            const std::optional<Sample> sample = measureKey(window, kind, 30000);
            if (!sample) {
                std::fprintf(stderr,
                             "shufflescope_bench_key_to_view: after key '%s' (round %d) the "
                             "views never showed the new result within 30 s\n",
                             infoOf(kind).label, round + 1);
                return 1;
            }
            report.samples.push_back(*sample);
            if (!waitIdle(window, options.gapMs)) return fail("the session never became idle");
        }
    }
    report.residentMegabytes = double(statusField("VmRSS")) / 1024.0;
    report.peakResidentMegabytes = double(statusField("VmHWM")) / 1024.0;
    report.threads = statusField("Threads");

    report.capture = measureCapture(config, options.captureRuns);
    report.loadAfter = loadAverage();
    printReport(report);
    if (!options.json.isEmpty() && !writeJson(report, options.json)) {
        std::fprintf(stderr, "shufflescope_bench_key_to_view: cannot write %s\n",
                     qPrintable(options.json));
        return 1;
    }
    return 0;
}
