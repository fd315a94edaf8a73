// Renders the console's pages offscreen from a throwaway demo ledger and writes them as PNGs, so
// the documentation shows what the current code draws.

#include <core/demo/demoseeder.h>
#include <core/ledger/availability.h>
#include <core/store/store.h>
#include <core/sync/exceptionresolver.h>
#include <core/sync/exceptionstore.h>
#include <core/sync/inbox.h>
#include <core/sync/inventorykey.h>
#include <core/sync/outbox.h>
#include <ui/mainwindow.h>
#include <ui/models/availabilitymodel.h>
#include <ui/models/exceptionmodel.h>
#include <ui/pages/availabilitypage.h>
#include <ui/pages/exceptionspage.h>
#include <ui/translators.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QImage>
#include <QLocale>
#include <QLoggingCategory>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>

#include <cmath>
#include <cstdio>
#include <functional>

namespace {

using namespace Ledgerdesk;

using Setup = std::function<void(Ui::AvailabilityPage &)>;

bool shoot(Core::Store &store,
           const QSize &size,
           const QString &file,
           const Setup &setup,
           const QElapsedTimer *timing = nullptr)
{
    Ui::MainWindow window(store);
    if (timing) {
        std::fprintf(stdout, "window built after %lld ms\n", timing->elapsed());
    }
    window.resize(size);
    window.show();
    auto *page = qobject_cast<Ui::AvailabilityPage *>(window.page(QStringLiteral("availability")));
    if (page && setup) {
        setup(*page);
    }
    QApplication::processEvents();
    // The count and then the rows in sight arrive from the loader thread; painting asks for the
    // rows, so paint until a paint asks for nothing more.
    const QDeadlineTimer deadline(30'000);
    QImage picture = window.grab().toImage();
    while (page && page->model()->isLoading() && !deadline.hasExpired()) {
        while (page->model()->isLoading() && !deadline.hasExpired()) {
            QApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
        }
        QApplication::processEvents();
        picture = window.grab().toImage();
    }
    if (timing) {
        std::fprintf(stdout, "rows in sight after %lld ms\n", timing->elapsed());
    }
    const bool saved = picture.save(file);
    std::fprintf(stdout, "%s %s\n", saved ? "wrote" : "FAILED", qPrintable(file));
    return saved;
}

constexpr qint64 kMinuteMs = 60LL * 1000;

// Sync activity of the last hours on the demo ledger: applied events, pushes, and exceptions of
// every kind and state, written through the core like a connector and a person would. Returns
// the exception to show selected, or 0 on failure.
qint64 seedSyncActivity(Core::Store &store)
{
    const Core::UtcMillis now = Core::nowUtcMillis();
    const auto rows
        = Core::AvailabilityQuery(store).fetch({}, Core::AvailabilitySort::Sku, false, 40);
    if (!rows || rows.value().size() < 12) {
        return 0;
    }
    const QList<Core::AvailabilityRow> &r = rows.value();
    const QStringList systems{
        QStringLiteral("shopify"), QStringLiteral("erp"), QStringLiteral("wms")};
    // Applied events over six hours, busier during the day's last hours.
    for (int i = 0; i < 360; ++i) {
        const QString system = systems.at(i % 3);
        // Denser towards now, as a busy afternoon is.
        const auto minutesAgo = static_cast<qint64>(359.0 * std::pow(i / 360.0, 1.7));
        const Core::UtcMillis at = now - minutesAgo * kMinuteMs - (i % 7) * 1000 - 30'000;
        const Core::InboxEvent event{system,
                                     QStringLiteral("%1-evt-%2").arg(system).arg(i),
                                     QStringLiteral("inventory_levels/update"),
                                     Core::InventoryKey{r.at(i % r.size()).sku,
                                                        r.at(i % r.size()).locationCode,
                                                        Core::QuantityName::Available}
                                         .toString(),
                                     at - 800 - (i % 11) * 300,
                                     "{}"};
        const auto received = Core::Inbox::receive(store.connection(), event, at - 200);
        if (!received
            || !Core::Inbox::markApplied(
                store.connection(), received.value().id, QStringLiteral("applied"), at)) {
            return 0;
        }
    }
    Core::Outbox outbox(store);
    for (int i = 0; i < 9; ++i) {
        Core::OutboxItem item;
        item.idempotencyKey = QStringLiteral("demo-push-%1").arg(i);
        item.target = systems.at(i % 3);
        item.kind = QStringLiteral("inventory.set");
        item.entityKey
            = Core::InventoryKey{r.at(i).sku, r.at(i).locationCode, Core::QuantityName::Available}
                  .toString();
        item.payload = "{}";
        if (!Core::Outbox::enqueue(store.connection(), item, now - (i + 1) * 5 * kMinuteMs)) {
            return 0;
        }
    }
    // Some delivered, one refused for good (a dead letter raises "rejected by target").
    for (const QString &system : {QStringLiteral("erp"), QStringLiteral("wms")}) {
        const auto claimed = outbox.claimDue(system, now, 1);
        if (claimed && !claimed.value().isEmpty()) {
            (void)outbox.complete(claimed.value().first().id, "{}", now - 4 * kMinuteMs);
        }
    }
    if (const auto claimed = outbox.claimDue(QStringLiteral("shopify"), now, 1);
        claimed && !claimed.value().isEmpty()) {
        (void)outbox.fail(
            claimed.value().first().id,
            {QStringLiteral("422: quantity must be below 1000000"), false, std::nullopt},
            now - 50 * kMinuteMs);
    }

    const auto raise = [&store, &r, now](Core::ExceptionKind kind,
                                         const QString &system,
                                         int row,
                                         qint64 ageMinutes,
                                         std::optional<qint64> theirs,
                                         const QString &error) -> qint64 {
        const Core::AvailabilityRow &a = r.at(row);
        Core::SyncException e;
        e.kind = kind;
        e.system = system;
        e.entity = QStringLiteral("inventory");
        e.entityKey = Core::InventoryKey{kind == Core::ExceptionKind::UnknownSku
                                             ? a.sku + QStringLiteral("-X")
                                             : a.sku,
                                         kind == Core::ExceptionKind::UnknownLocation
                                             ? QStringLiteral("WH-NORTH")
                                             : a.locationCode,
                                         Core::QuantityName::OnHand}
                          .toString();
        const qint64 ours = a.quantities.onHand();
        e.baseValue = QString::number(qMax<qint64>(0, ours - 2));
        e.ledgerValue = QString::number(ours);
        if (theirs) {
            e.externalValue = QString::number(*theirs);
        }
        e.errorText = error;
        const auto id
            = Core::ExceptionStore::raise(store.connection(), e, now - ageMinutes * kMinuteMs);
        return id ? id.value() : 0;
    };
    const auto onHand = [&r](int row) { return r.at(row).quantities.onHand(); };
    const qint64 shown = raise(Core::ExceptionKind::Conflict,
                               QStringLiteral("wms"),
                               3,
                               190,
                               qMax<qint64>(0, onHand(3) - 3),
                               QStringLiteral("Both sides changed since the last agreed count: the "
                                              "ledger sold 2, the warehouse counted 3 fewer."));
    raise(Core::ExceptionKind::Conflict,
          QStringLiteral("shopify"),
          5,
          38,
          onHand(5) + 4,
          QStringLiteral("Shopify and the ledger both changed the level since the last sync."));
    raise(Core::ExceptionKind::UnknownSku,
          QStringLiteral("shopify"),
          6,
          27 * 60,
          4,
          QStringLiteral("Shopify reports a SKU the catalog does not know."));
    raise(Core::ExceptionKind::UnknownLocation,
          QStringLiteral("erp"),
          7,
          95,
          12,
          QStringLiteral("The ERP names a warehouse that is not mapped to a location."));
    raise(Core::ExceptionKind::Validation,
          QStringLiteral("erp"),
          8,
          14,
          -3,
          QStringLiteral("A negative on-hand quantity cannot be applied."));
    raise(Core::ExceptionKind::AuthenticationFailure,
          QStringLiteral("shopify"),
          9,
          7,
          std::nullopt,
          QStringLiteral("401: the access token was revoked."));
    raise(Core::ExceptionKind::ThrottledPastBudget,
          QStringLiteral("shopify"),
          10,
          22,
          std::nullopt,
          QStringLiteral("Throttled for longer than the cost budget allows."));
    const qint64 stale
        = raise(Core::ExceptionKind::StaleWrite,
                QStringLiteral("wms"),
                11,
                300,
                onHand(11) + 1,
                QStringLiteral("The warehouse value moved before the push arrived."));
    const qint64 acceptedLater = raise(Core::ExceptionKind::Conflict,
                                       QStringLiteral("erp"),
                                       4,
                                       240,
                                       qMax<qint64>(0, onHand(4) - 1),
                                       QStringLiteral("The ERP count differs by one."));
    const qint64 ignoredLater = raise(Core::ExceptionKind::Conflict,
                                      QStringLiteral("wms"),
                                      2,
                                      320,
                                      onHand(2) + 1,
                                      QStringLiteral("Recount pending."));

    Core::ExceptionStore exceptions(store);
    Core::ExceptionResolver resolver(store);
    const QString lead = QStringLiteral("maria");
    (void)exceptions.acknowledge(stale, lead);
    (void)exceptions.assign(stale, QStringLiteral("sam"), lead);
    (void)exceptions.addNote(stale, QStringLiteral("Asked the warehouse for a recount."), lead);
    (void)exceptions.acknowledge(shown, lead);
    (void)exceptions.assign(shown, lead, lead);
    (void)resolver.acceptTheirs(acceptedLater, lead);
    (void)resolver.ignore(ignoredLater, QStringLiteral("Display stock, not for sale."), lead);
    return shown;
}

using PageSetup = std::function<void(Ui::MainWindow &)>;

bool shootPage(Core::Store &store,
               const QSize &size,
               const QString &pageId,
               const QString &file,
               const PageSetup &setup)
{
    Ui::MainWindow window(store);
    window.resize(size);
    window.show();
    window.showPage(pageId);
    if (setup) {
        setup(window);
    }
    for (int i = 0; i < 5; ++i) {
        QApplication::processEvents();
    }
    const bool saved = window.grab().toImage().save(file);
    std::fprintf(stdout, "%s %s\n", saved ? "wrote" : "FAILED", qPrintable(file));
    return saved;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    QLoggingCategory::setFilterRules(
        QStringLiteral("ledgerdesk.*.debug=false\nledgerdesk.*.info=false"));
    QApplication::setApplicationName(QStringLiteral("ledgerdesk-screenshots"));
    QApplication::setApplicationVersion(QStringLiteral(LEDGERDESK_VERSION));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Writes PNG screenshots of the console."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("folder"), QStringLiteral("Where to write them."));
    const QCommandLineOption sizeOption(QStringLiteral("size"),
                                        QStringLiteral("Window size (default 1280x800)."),
                                        QStringLiteral("WxH"));
    const QCommandLineOption ledgerOption(
        QStringLiteral("ledger"),
        QStringLiteral("Shoot this existing ledger instead of the demo set (one picture, timed)."),
        QStringLiteral("path"));
    const QCommandLineOption languageOption(
        QStringLiteral("language"),
        QStringLiteral(
            "Picture the main view translated, e.g. de (written as availability-de.png)."),
        QStringLiteral("code"));
    parser.addOption(sizeOption);
    parser.addOption(ledgerOption);
    parser.addOption(languageOption);
    parser.process(app);
    if (parser.positionalArguments().size() != 1) {
        parser.showHelp(2);
    }
    const QStringList dims = parser.value(sizeOption).isEmpty()
                                 ? QStringList{QStringLiteral("1280"), QStringLiteral("800")}
                                 : parser.value(sizeOption).split(u'x');
    const QSize size(dims.value(0).toInt(), dims.value(1).toInt());
    if (size.width() < 640 || size.height() < 400) {
        std::fprintf(stderr, "ledgerdesk-screenshots: --size wants WxH of at least 640x400\n");
        return 2;
    }
    const QDir out(QFileInfo(parser.positionalArguments().constFirst()).absoluteFilePath());
    if (!QDir().mkpath(out.path())) {
        std::fprintf(stderr, "ledgerdesk-screenshots: cannot create %s\n", qPrintable(out.path()));
        return 1;
    }

    const QString ledgerPath = parser.isSet(ledgerOption)
                                   ? QFileInfo(parser.value(ledgerOption)).absoluteFilePath()
                                   : QString();

    // Nothing from the user's own settings or locale may leak into the pictures.
    QTemporaryDir temp;
    // Relative ledger names keep temporary paths out of the status bar.
    QDir::setCurrent(temp.path());
    QSettings::setPath(
        QSettings::NativeFormat, QSettings::UserScope, temp.filePath(QStringLiteral("settings")));
    const QString language = parser.value(languageOption);
    QLocale::setDefault(language.isEmpty() ? QLocale(QLocale::English, QLocale::UnitedStates)
                                           : QLocale(language));
    if (!language.isEmpty()) {
        Ui::installTranslators(QLocale(language));
    }

    if (!ledgerPath.isEmpty()) {
        Core::Store store(Core::StoreConfig::sqlite(ledgerPath));
        if (const auto opened = store.open(); !opened) {
            std::fprintf(
                stderr, "ledgerdesk-screenshots: %s\n", qPrintable(opened.error().message));
            return 1;
        }
        QElapsedTimer timer;
        timer.start();
        return shoot(store, size, out.filePath(QStringLiteral("availability.png")), {}, &timer) ? 0
                                                                                                : 1;
    }

    bool ok = true;
    if (language.isEmpty()) {
        Core::Store empty(Core::StoreConfig::sqlite(QStringLiteral("empty-ledger.db")));
        ok = empty.open().ok()
             && shoot(empty, size, out.filePath(QStringLiteral("availability-empty.png")), {});
    }
    Core::Store demo(Core::StoreConfig::sqlite(QStringLiteral("demo-ledger.db")));
    if (const auto opened = demo.open(); !opened) {
        std::fprintf(stderr, "ledgerdesk-screenshots: %s\n", qPrintable(opened.error().message));
        return 1;
    }
    if (const auto seeded = Core::seedDemoLedger(demo); !seeded) {
        std::fprintf(stderr, "ledgerdesk-screenshots: %s\n", qPrintable(seeded.error().message));
        return 1;
    }
    if (!language.isEmpty()) {
        const QString file = QStringLiteral("availability-%1.png").arg(language);
        return shoot(demo, size, out.filePath(file), {}) ? 0 : 1;
    }
    ok = shoot(demo, size, out.filePath(QStringLiteral("availability.png")), {}) && ok;
    ok = shoot(demo,
               size,
               out.filePath(QStringLiteral("availability-low-stock.png")),
               [](Ui::AvailabilityPage &page) {
                   page.setLocationFilter(QStringLiteral("WH-EAST"));
                   page.setLowStockOnly(true);
               })
         && ok;
    ok = shoot(demo,
               size,
               out.filePath(QStringLiteral("availability-search.png")),
               [](Ui::AvailabilityPage &page) {
                   page.setSearchText(QStringLiteral("hoodie"));
                   page.view()->sortByColumn(Ui::AvailabilityModel::OnHand, Qt::DescendingOrder);
               })
         && ok;

    const qint64 shown = seedSyncActivity(demo);
    if (shown == 0) {
        std::fprintf(stderr, "ledgerdesk-screenshots: could not seed sync activity\n");
        return 1;
    }
    ok = shootPage(demo,
                   size,
                   QStringLiteral("exceptions"),
                   out.filePath(QStringLiteral("exceptions.png")),
                   [shown](Ui::MainWindow &window) {
                       auto *page = qobject_cast<Ui::ExceptionsPage *>(
                           window.page(QStringLiteral("exceptions")));
                       if (page) {
                           page->view()->selectRow(page->model()->rowOf(shown));
                       }
                   })
         && ok;
    ok = shootPage(demo,
                   size,
                   QStringLiteral("sync-health"),
                   out.filePath(QStringLiteral("sync-health.png")),
                   {})
         && ok;
    return ok ? 0 : 1;
}
