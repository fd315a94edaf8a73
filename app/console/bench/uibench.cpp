#include "uibench.h"

#include <app/cli/bench/benchdata.h>
#include <app/console/bench/rawstatement.h>
#include <app/console/bench/stallprobe.h>
#include <core/catalog/globalsearch.h>
#include <core/store/store.h>
#include <ui/mainwindow.h>
#include <ui/models/availabilitymodel.h>
#include <ui/pages/availabilitypage.h>
#include <ui/widgets/globalsearchfield.h>

#include <QApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEvent>
#include <QHeaderView>
#include <QSettings>
#include <QSqlError>
#include <QSqlQuery>
#include <QTableView>
#include <QTimer>

#include <memory>

namespace Ledgerdesk::Bench {

namespace {

using Core::AvailabilityFilter;
using Core::AvailabilitySort;
using Ui::AvailabilityModel;

constexpr int kTimeoutMs = 120000;

// Titles such as "Loopback Hoodie 1234": each first word names an eighth of the styles.
const QString kTitles = QStringLiteral(
    "UPDATE styles SET title = (CASE id % 8 WHEN 0 THEN 'Heritage' WHEN 1 THEN 'Loopback' WHEN 2 "
    "THEN 'Merino' WHEN 3 THEN 'Canvas' WHEN 4 THEN 'Selvedge' WHEN 5 THEN 'Ripstop' WHEN 6 THEN "
    "'Fleece' ELSE 'Oxford' END) || ' ' || (CASE (id / 8) % 6 WHEN 0 THEN 'Hoodie' WHEN 1 THEN "
    "'Parka' WHEN 2 THEN 'Chino' WHEN 3 THEN 'Tee' WHEN 4 THEN 'Overshirt' ELSE 'Jacket' END) "
    "|| ' ' || id");

// Lets the event loop run until `done` or the timeout; false on timeout.
bool waitFor(const std::function<bool()> &done, int timeoutMs = kTimeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired()) {
            return false;
        }
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

// True when every row the table shows has its data, so a paint now draws real rows.
bool rowsInSight(const Ui::AvailabilityPage &page, bool wantLastRow)
{
    const AvailabilityModel &model = *page.model();
    const QTableView &view = *page.view();
    if (model.rowCount() == 0 || model.isCounting()) {
        return false;
    }
    const int top = view.rowAt(0);
    int bottom = view.rowAt(view.viewport()->height() - 1);
    if (top < 0) {
        return false;
    }
    if (bottom < 0) {
        bottom = model.rowCount() - 1;
    }
    if (wantLastRow && bottom != model.rowCount() - 1) {
        return false;
    }
    return model.rowAt(top).has_value() && model.rowAt(bottom).has_value();
}

// Notes the end of the first viewport paint that draws the rows in sight: the moment after the
// paint event is handled, one turn of the event loop later.
class PaintWatcher final : public QObject
{
public:
    PaintWatcher(const Ui::AvailabilityPage &page, bool wantLastRow, const QElapsedTimer &clock)
        : m_page(page)
        , m_wantLastRow(wantLastRow)
        , m_clock(clock)
    {}

    bool done() const { return m_doneNs >= 0; }

    double ms() const { return m_doneNs / 1e6; }

    // When the paint that drew the rows began.
    double paintMs() const { return m_paintNs / 1e6; }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_seen && rowsInSight(m_page, m_wantLastRow)) {
            m_seen = true;
            m_paintNs = m_clock.nsecsElapsed();
            QTimer::singleShot(0, this, [this] { m_doneNs = m_clock.nsecsElapsed(); });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    const Ui::AvailabilityPage &m_page;
    bool m_wantLastRow;
    const QElapsedTimer &m_clock;
    bool m_seen = false;
    qint64 m_doneNs = -1;
    qint64 m_paintNs = -1;
};

Core::Status timeout(const QString &what)
{
    return Core::makeError(
        Core::ErrorCode::Io,
        QStringLiteral("%1 did not finish within %2 s").arg(what).arg(kTimeoutMs / 1000));
}

} // namespace

Core::Status buildUiBenchLedger(const UiBenchOptions &options)
{
    const Cli::BenchShape shape{options.variants, options.locations};
    if (const Core::Status created = Cli::createBenchLedger(options.ledgerPath, shape); !created) {
        return created;
    }
    {
        Core::Store store(Core::StoreConfig::sqlite(options.ledgerPath));
        if (const Core::Status opened = store.open(); !opened) {
            return opened;
        }
        QSqlQuery q(store.connection());
        if (!q.exec(kTitles)) {
            return Core::makeError(Core::ErrorCode::Storage, q.lastError().text());
        }
        q.finish();
        store.closeThreadConnection();
    }
    // One movement per balance: the ledger's own bulk path, as bench ledger builds it.
    return Cli::fillBenchLedger(options.ledgerPath, shape, shape.pairs());
}

UiBench::UiBench(UiBenchOptions options, QTextStream &progress)
    : m_options(std::move(options))
    , m_progress(progress)
{}

Core::Result<UiBench::Baseline> UiBench::baseline(RawStatement &raw,
                                                  const AvailabilityFilter &filter,
                                                  AvailabilitySort sort,
                                                  bool descending,
                                                  bool atEnd)
{
    const Core::Dialect dialect(Core::Backend::Sqlite);
    const Core::AvailabilityStatement count
        = Core::AvailabilityQuery::countStatement(dialect, filter);
    const auto rows = raw.scalar(count);
    if (!rows) {
        return rows.error();
    }
    const qint64 pageSize = AvailabilityModel::kPageSize;
    const qint64 offset = atEnd ? std::max<qint64>(0, (rows.value() - 1) / pageSize * pageSize) : 0;
    const auto countMs = raw.time(count);
    if (!countMs) {
        return countMs.error();
    }
    const auto pageMs = raw.time(Core::AvailabilityQuery::fetchStatement(
        dialect, filter, sort, descending, pageSize, offset, rows.value()));
    if (!pageMs) {
        return pageMs.error();
    }
    return Baseline{countMs.value() + pageMs.value(), rows.value()};
}

void UiBench::add(const QString &figure,
                  double ms,
                  const Core::Result<Baseline> &base,
                  double goal,
                  double stallMs)
{
    Cli::BenchRow row = Cli::BenchRow::info(QStringLiteral("ui"), figure, QStringLiteral("ms"), ms)
                            .target(Cli::TargetKind::Absolute, goal);
    if (base) {
        row = row.against(QStringLiteral("raw"), base.value().ms);
    }
    m_rows << row;
    m_progress << "  " << figure << ": " << QString::number(ms, 'f', 1) << " ms";
    if (base) {
        m_progress << " (raw " << QString::number(base.value().ms, 'f', 1) << " ms, "
                   << base.value().rows << " rows)";
    }
    m_progress << ", longest stall " << QString::number(stallMs, 'f', 1) << " ms\n";
    m_progress.flush();
}

Core::Result<double> UiBench::timeUntilPainted(Ui::AvailabilityPage &page,
                                               const std::function<void()> &action,
                                               bool wantLastRow)
{
    QElapsedTimer clock;
    PaintWatcher watcher(page, wantLastRow, clock);
    page.view()->viewport()->installEventFilter(&watcher);
    clock.start();
    action();
    m_progress << "  (the call itself took " << QString::number(clock.nsecsElapsed() / 1e6, 'f', 1)
               << " ms)\n";
    const bool painted = waitFor([&] { return watcher.done(); });
    page.view()->viewport()->removeEventFilter(&watcher);
    if (!painted) {
        return timeout(QStringLiteral("painting the table")).error();
    }
    // The pages still loading behind the rows in sight belong to this action, not the next.
    waitFor([&] { return !page.model()->isLoading(); });
    return watcher.ms();
}

Core::Status UiBench::run()
{
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_options.settingsDir);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_options.settingsDir);

    RawStatement raw;
    if (const Core::Status opened = raw.open(m_options.ledgerPath); !opened) {
        return opened;
    }
    Core::Store store(Core::StoreConfig::sqlite(m_options.ledgerPath));
    if (const Core::Status opened = store.open(); !opened) {
        return opened;
    }
    StallProbe probe;
    const Core::Status measured = measureWindow(store, raw, probe);
    store.closeThreadConnection();
    if (!measured) {
        return measured;
    }
    m_rows << Cli::BenchRow::info(QStringLiteral("ui"),
                                  QStringLiteral("longest stall"),
                                  QStringLiteral("ms"),
                                  probe.longestMs())
                  .target(Cli::TargetKind::Absolute, kStallGoalMs);
    m_notes << QStringLiteral("%1 balances (%2 variants x %3 locations); the longest stall was "
                              "during \"%4\"")
                   .arg(m_options.balances())
                   .arg(m_options.variants)
                   .arg(m_options.locations)
                   .arg(probe.longestPhase());
    m_notes << QStringLiteral("raw = the same count and page statements through SQLite's C API, "
                              "best of 3, on the GUI-less connection of the benchmark");
    return Core::success();
}

Core::Status UiBench::measureWindow(Core::Store &store, RawStatement &raw, StallProbe &probe)
{
    const AvailabilityFilter all;
    AvailabilityFilter skuPrefix;
    skuPrefix.search = QStringLiteral("BENCH-00012");
    AvailabilityFilter titleWord;
    titleWord.search = QStringLiteral("Loopback");
    AvailabilityFilter location;
    location.locationCode = QStringLiteral("LOC-003");

    m_progress << "raw baselines\n";
    m_progress.flush();
    const auto openBase = baseline(raw, all, AvailabilitySort::Sku, false, false);
    const auto endBase = baseline(raw, all, AvailabilitySort::Sku, false, true);
    const auto styleBase = baseline(raw, all, AvailabilitySort::Style, false, false);
    const auto availableBase = baseline(raw, all, AvailabilitySort::Available, true, false);
    const auto locationSortBase = baseline(raw, all, AvailabilitySort::Location, false, false);
    const auto skuBase = baseline(raw, skuPrefix, AvailabilitySort::Sku, false, false);
    const auto titleBase = baseline(raw, titleWord, AvailabilitySort::Sku, false, false);
    const auto locationBase = baseline(raw, location, AvailabilitySort::Sku, false, false);
    for (const auto *base : {&openBase,
                             &endBase,
                             &styleBase,
                             &availableBase,
                             &locationSortBase,
                             &skuBase,
                             &titleBase,
                             &locationBase}) {
        if (!*base) {
            return base->error();
        }
    }

    m_progress << "window\n";
    m_progress.flush();
    probe.start();
    probe.setPhase(QStringLiteral("first paint"));
    std::unique_ptr<Ui::MainWindow> window;
    Ui::AvailabilityPage *page = nullptr;
    {
        QElapsedTimer clock;
        clock.start();
        window = std::make_unique<Ui::MainWindow>(store);
        m_progress << "  (the window was built in "
                   << QString::number(clock.nsecsElapsed() / 1e6, 'f', 1) << " ms)\n";
        window->resize(1280, 800);
        page = qobject_cast<Ui::AvailabilityPage *>(window->page(QStringLiteral("availability")));
        if (!page) {
            return Core::makeError(Core::ErrorCode::Io,
                                   QStringLiteral("the window has no availability page"));
        }
        window->showPage(page->pageId());
        PaintWatcher watcher(*page, false, clock);
        page->view()->viewport()->installEventFilter(&watcher);
        window->show();
        const double shownMs = clock.nsecsElapsed() / 1e6;
        const bool painted = waitFor([&] { return watcher.done(); });
        page->view()->viewport()->removeEventFilter(&watcher);
        if (!painted) {
            return timeout(QStringLiteral("the first paint"));
        }
        m_progress << "  (shown after " << QString::number(shownMs, 'f', 1)
                   << " ms, the rows' paint began at " << QString::number(watcher.paintMs(), 'f', 1)
                   << " ms)\n";
        add(QStringLiteral("first paint"),
            watcher.ms(),
            openBase,
            kFirstPaintGoalMs,
            probe.takePhaseLongestMs());
        waitFor([&] { return !page->model()->isLoading(); });
    }

    struct Action
    {
        QString figure;
        std::function<void()> run;
        bool wantLastRow;
        const Core::Result<Baseline> *base;
    };

    QTableView *view = page->view();
    const QList<Action> actions = {
        {QStringLiteral("scroll to end"), [view] { view->scrollToBottom(); }, true, &endBase},
        {QStringLiteral("sort style"),
         [view] { view->sortByColumn(AvailabilityModel::Style, Qt::AscendingOrder); },
         false,
         &styleBase},
        {QStringLiteral("sort available"),
         [view] { view->sortByColumn(AvailabilityModel::Available, Qt::DescendingOrder); },
         false,
         &availableBase},
        {QStringLiteral("sort location"),
         [view] { view->sortByColumn(AvailabilityModel::Location, Qt::AscendingOrder); },
         false,
         &locationSortBase},
        {QStringLiteral("filter SKU"),
         [view, page, f = skuPrefix] {
             view->sortByColumn(AvailabilityModel::Sku, Qt::AscendingOrder);
             page->setSearchText(f.search);
         },
         false,
         &skuBase},
        {QStringLiteral("filter title"),
         [page, f = titleWord] { page->setSearchText(f.search); },
         false,
         &titleBase},
        {QStringLiteral("filter location"),
         [page, f = location] {
             page->setSearchText(QString());
             page->setLocationFilter(f.locationCode);
         },
         false,
         &locationBase},
    };
    for (const Action &action : actions) {
        probe.setPhase(action.figure);
        probe.takePhaseLongestMs();
        const auto ms = timeUntilPainted(*page, action.run, action.wantLastRow);
        if (!ms) {
            return ms.error();
        }
        add(action.figure, ms.value(), *action.base, kActionGoalMs, probe.takePhaseLongestMs());
    }

    // The toolbar's search: typed text to hits shown, through the worker thread.
    probe.setPhase(QStringLiteral("global search"));
    probe.takePhaseLongestMs();
    auto *field = window->findChild<Ui::GlobalSearchField *>();
    if (!field) {
        return Core::makeError(Core::ErrorCode::Io,
                               QStringLiteral("the window has no global search field"));
    }
    double searchMs = 0;
    const QStringList texts = {QStringLiteral("bench-00123"),
                               QStringLiteral("loopback"),
                               QStringLiteral("99000000"),
                               QStringLiteral("LOC-00")};
    for (const QString &text : texts) {
        bool shown = false;
        const auto connection
            = QObject::connect(field, &Ui::GlobalSearchField::resultsShown, [&] { shown = true; });
        QElapsedTimer clock;
        clock.start();
        field->setText(text);
        field->searchNow();
        const bool done = waitFor([&] { return shown; });
        QObject::disconnect(connection);
        if (!done) {
            return timeout(QStringLiteral("the global search"));
        }
        searchMs = std::max(searchMs, clock.nsecsElapsed() / 1e6);
    }
    // The same calls without the window: what the worker thread spends.
    double coreMs = 0;
    for (const QString &text : texts) {
        QElapsedTimer clock;
        clock.start();
        if (const auto hits = Core::GlobalSearch(store).search(text); !hits) {
            return hits.error();
        }
        coreMs = std::max(coreMs, clock.nsecsElapsed() / 1e6);
    }
    m_rows << Cli::BenchRow::info(QStringLiteral("ui"),
                                  QStringLiteral("global search"),
                                  QStringLiteral("ms"),
                                  searchMs)
                  .against(QStringLiteral("core"), coreMs)
                  .target(Cli::TargetKind::Absolute, kSearchGoalMs);
    m_progress << "  global search: " << QString::number(searchMs, 'f', 1) << " ms (core "
               << QString::number(coreMs, 'f', 1) << " ms), longest stall "
               << QString::number(probe.takePhaseLongestMs(), 'f', 1) << " ms\n";
    m_progress.flush();

    // Closing waits for the loader threads; that is not a stall anyone sees.
    probe.stop();
    window.reset();
    return Core::success();
}

} // namespace Ledgerdesk::Bench
