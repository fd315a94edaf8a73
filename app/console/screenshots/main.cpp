// Renders the console's pages offscreen from a throwaway demo ledger and writes them as PNGs, so
// the documentation shows what the current code draws.

#include "livedemoshot.h"

#include <core/demo/demoseeder.h>
#include <core/ledger/availability.h>
#include <core/ledger/ledger.h>
#include <core/orders/orderallocator.h>
#include <core/orders/orderbook.h>
#include <core/orders/orderfulfilment.h>
#include <core/pricing/pricebook.h>
#include <core/store/store.h>
#include <core/sync/exceptionresolver.h>
#include <core/sync/exceptionstore.h>
#include <core/sync/inbox.h>
#include <core/sync/inventorykey.h>
#include <core/sync/outbox.h>
#include <core/sync/outboxkinds.h>
#include <core/sync/secretstore.h>
#include <core/sync/syncvalues.h>
#include <ui/dialogs/orderentrydialog.h>
#include <ui/mainwindow.h>
#include <ui/models/availabilitymodel.h>
#include <ui/models/exceptionmodel.h>
#include <ui/models/ordermodel.h>
#include <ui/pages/availabilitypage.h>
#include <ui/pages/connectionspanel.h>
#include <ui/pages/exceptionspage.h>
#include <ui/pages/orderspage.h>
#include <ui/pages/pricingpage.h>
#include <ui/pages/quotecalculator.h>
#include <ui/pages/settingspage.h>
#include <ui/pages/skudetailpane.h>
#include <ui/pages/stylematrixview.h>
#include <ui/translators.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QLocale>
#include <QLoggingCategory>
#include <QSettings>
#include <QTabWidget>
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
        // Each system's own kind: Shopify takes figures, the ERP adjustments, the WMS picks.
        item.kind = Core::inventoryPushKind(item.target).value_or(Core::OutboxKinds::kPickCreate);
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

// B2B buyers and an order queue across channels on the demo ledger, written through PriceBook and
// the order commands as the connectors and people would. Returns the order to show selected.
Core::OrderId seedOrders(Core::Store &store, QStringList &skus)
{
    Core::AvailabilityFilter east;
    east.locationCode = QStringLiteral("WH-EAST");
    const auto rows
        = Core::AvailabilityQuery(store).fetch(east, Core::AvailabilitySort::Available, true, 12);
    if (!rows || rows.value().size() < 8) {
        return 0;
    }
    skus.clear();
    for (const Core::AvailabilityRow &row : rows.value()) {
        skus << row.sku;
    }
    const auto money = [](qint64 minor) { return Core::Money(minor, QStringLiteral("USD")); };
    Core::B2BSnapshot b2b;
    b2b.companies
        = {{QStringLiteral("gid://shopify/Company/1"), QStringLiteral("Harbor Outfitters")},
           {QStringLiteral("gid://shopify/Company/2"), QStringLiteral("Northline Sports")},
           {QStringLiteral("gid://shopify/Company/3"), QStringLiteral("Cedar & Pine")}};
    const auto location = [](const QString &id,
                             const QString &company,
                             const QString &name,
                             const QString &terms,
                             int days,
                             const QString &list) {
        Core::CompanyLocationRecord l;
        l.id = QStringLiteral("gid://shopify/CompanyLocation/") + id;
        l.companyId = QStringLiteral("gid://shopify/Company/") + company;
        l.name = name;
        l.currency = QStringLiteral("USD");
        l.paymentTermsType = terms;
        l.paymentTermsName = terms == u"NET"   ? QStringLiteral("Net %1").arg(days)
                             : terms.isEmpty() ? QString()
                                               : QStringLiteral("Due on receipt");
        l.dueInDays = days;
        l.priceListId
            = list.isEmpty() ? QString() : QStringLiteral("gid://shopify/PriceList/") + list;
        return l;
    };
    b2b.locations = {location(QStringLiteral("11"),
                              QStringLiteral("1"),
                              QStringLiteral("Boston store"),
                              QStringLiteral("NET"),
                              30,
                              QStringLiteral("7")),
                     location(QStringLiteral("12"),
                              QStringLiteral("1"),
                              QStringLiteral("Portland store"),
                              QStringLiteral("NET"),
                              30,
                              QStringLiteral("7")),
                     location(QStringLiteral("21"),
                              QStringLiteral("2"),
                              QStringLiteral("Head office"),
                              QStringLiteral("NET"),
                              60,
                              QStringLiteral("8")),
                     location(QStringLiteral("31"),
                              QStringLiteral("3"),
                              QStringLiteral("Main street"),
                              QStringLiteral("RECEIPT"),
                              0,
                              QString())};
    Core::PriceListRecord harbor;
    harbor.id = QStringLiteral("gid://shopify/PriceList/7");
    harbor.name = QStringLiteral("Harbor wholesale");
    harbor.currency = QStringLiteral("USD");
    harbor.adjustmentType = QStringLiteral("PERCENTAGE_DECREASE");
    harbor.adjustmentPercent = QStringLiteral("30");
    harbor.prices = {{skus.at(2), money(4200)}};
    harbor.breaks = {{skus.at(0), 12, money(3900)},
                     {skus.at(0), 48, money(3600)},
                     {skus.at(1), 24, money(2500)}};
    harbor.rules = {{skus.at(0), 6, 0, 6}, {skus.at(3), 12, 240, 12}};
    Core::PriceListRecord northline;
    northline.id = QStringLiteral("gid://shopify/PriceList/8");
    northline.name = QStringLiteral("Northline contract");
    northline.currency = QStringLiteral("USD");
    northline.adjustmentType = QStringLiteral("PERCENTAGE_DECREASE");
    northline.adjustmentPercent = QStringLiteral("25");
    northline.prices = {{skus.at(4), money(5500)}, {skus.at(5), money(3100)}};
    b2b.priceLists = {harbor, northline};
    if (!Core::PriceBook(store).save(b2b)) {
        return 0;
    }

    const QString actor = QStringLiteral("maria");
    Core::PriceBook prices(store);
    const auto place = [&](const QString &channel,
                           const QString &ref,
                           const QString &locationId,
                           const QString &po,
                           int daysAgo,
                           const QList<QPair<int, qint64>> &lines) -> Core::OrderId {
        Core::IncomingOrder order;
        order.channel = channel;
        order.externalRef = ref;
        order.name = channel == Core::OrderChannel::shopify ? u'#' + ref : ref;
        order.poNumber = po;
        order.currency = QStringLiteral("USD");
        order.issuedAt = Core::nowUtcMillis() - daysAgo * 24LL * 60 * 60 * 1000;
        if (!locationId.isEmpty()) {
            const auto info = prices.companyLocation(
                QStringLiteral("gid://shopify/CompanyLocation/") + locationId);
            if (!info || !info.value()) {
                return 0;
            }
            order.company = info.value()->companyName;
            order.companyLocation = info.value()->id;
            order.paymentTerms = info.value()->paymentTermsName;
        }
        for (const auto &[index, quantity] : lines) {
            const auto quote = prices.quote(
                order.companyLocation, skus.at(index), quantity, QDate::currentDate());
            if (!quote) {
                return 0;
            }
            order.lines.append({skus.at(index), quantity, quote.value().unitPrice.amountString()});
        }
        const auto received = Core::OrderBook(store).receive(order, QStringLiteral("shopify"));
        return received ? received.value().id : 0;
    };
    Core::OrderBook book(store);
    Core::OrderAllocator allocator(store);
    Core::OrderFulfilment fulfilment(store);
    const auto allocate
        = [&](Core::OrderId id) { return id != 0 && allocator.allocate(id, actor).ok(); };
    const auto ship = [&](Core::OrderId id) {
        return allocate(id) && fulfilment.pick(id, actor).ok()
               && book.advance(id, Core::OrderState::Shipped, actor).ok();
    };
    const Core::OrderId overdue = place(Core::OrderChannel::shopify,
                                        QStringLiteral("1038"),
                                        QStringLiteral("11"),
                                        QStringLiteral("PO-88121"),
                                        41,
                                        {{0, 24}, {1, 24}, {2, 12}});
    const Core::OrderId paid = place(Core::OrderChannel::erp,
                                     QStringLiteral("SO-20411"),
                                     QStringLiteral("21"),
                                     QStringLiteral("NL-3390"),
                                     33,
                                     {{4, 10}, {5, 20}});
    const Core::OrderId invoiced = place(Core::OrderChannel::shopify,
                                         QStringLiteral("1040"),
                                         QStringLiteral("12"),
                                         QStringLiteral("PO-88190"),
                                         9,
                                         {{0, 12}, {3, 24}});
    const Core::OrderId picking
        = place(Core::OrderChannel::shopify, QStringLiteral("1041"), {}, {}, 2, {{6, 1}, {7, 2}});
    const Core::OrderId allocated = place(Core::OrderChannel::erp,
                                          QStringLiteral("SO-20417"),
                                          QStringLiteral("21"),
                                          QStringLiteral("NL-3412"),
                                          1,
                                          {{4, 6}, {5, 12}, {6, 4}});
    const Core::OrderId cancelled
        = place(Core::OrderChannel::shopify, QStringLiteral("1042"), {}, {}, 1, {{7, 1}});
    const Core::OrderId backordered = place(Core::OrderChannel::console,
                                            QStringLiteral("rep-0007"),
                                            QStringLiteral("31"),
                                            QStringLiteral("CP-118"),
                                            0,
                                            {{1, 30}, {2, 400}});
    place(Core::OrderChannel::shopify, QStringLiteral("1043"), {}, {}, 0, {{5, 2}});
    place(Core::OrderChannel::shopify,
          QStringLiteral("1044"),
          QStringLiteral("11"),
          QStringLiteral("PO-88240"),
          0,
          {{0, 48}});
    const bool ok
        = ship(overdue) && book.advance(overdue, Core::OrderState::Invoiced, actor).ok()
          && ship(paid) && book.advance(paid, Core::OrderState::Invoiced, actor).ok()
          && book.advance(paid, Core::OrderState::Paid, actor).ok() && ship(invoiced)
          && book.advance(invoiced, Core::OrderState::Invoiced, actor).ok() && allocate(picking)
          && fulfilment.pick(picking, actor).ok() && allocate(allocated) && allocate(cancelled)
          && fulfilment.cancel(cancelled, actor, QStringLiteral("Buyer changed the size")).ok()
          && allocate(backordered);
    return ok ? overdue : 0;
}

// Waits for the orders page's read from its loader thread.
void waitForOrders(Ui::OrdersPage &page)
{
    const QDeadlineTimer deadline(30'000);
    while (page.model()->isLoading() && !deadline.hasExpired()) {
        QApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    }
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

// A day of movements on one SKU × location, then what the connected systems last said about it,
// recorded as connectors do: the warehouse's count is hours old and behind, the others agree.
bool seedSystemFigures(Core::Store &store, Core::AvailabilityRow row)
{
    const Core::UtcMillis now = Core::nowUtcMillis();
    Core::Ledger ledger(store);
    const auto move = [&](const QString &ref,
                          Core::MovementReason reason,
                          const QString &actor,
                          qint64 available,
                          qint64 committed) {
        Core::PostingRequest request;
        request.source = reason == Core::MovementReason::Sale ? QStringLiteral("shopify")
                                                              : QStringLiteral("console");
        request.reference = ref;
        request.reason = reason;
        request.actor = actor;
        Core::MovementLine line{row.variantId, row.locationId, {}};
        line.delta.set(Core::QuantityName::Available, available);
        line.delta.set(Core::QuantityName::Committed, committed);
        request.lines = {line};
        const auto posted = ledger.post(request);
        if (posted && !posted.value().balances.isEmpty()) {
            row.quantities = posted.value().balances.first().quantities;
        }
        return posted.ok();
    };
    if (!move(
            QStringLiteral("PO-2291"), Core::MovementReason::Receipt, QStringLiteral("dock"), 24, 0)
        || !move(
            QStringLiteral("#1042"), Core::MovementReason::Sale, QStringLiteral("shopify"), -3, 0)
        || !move(QStringLiteral("SO-88213"),
                 Core::MovementReason::Allocation,
                 QStringLiteral("erp"),
                 -6,
                 6)
        || !move(QStringLiteral("count-17"),
                 Core::MovementReason::Count,
                 QStringLiteral("maria"),
                 -2,
                 0)) {
        return false;
    }
    const auto agree
        = [&](const QString &system, Core::QuantityName name, qint64 value, qint64 ago) {
              return Core::SyncValues::recordAgreement(
                         store.connection(),
                         system,
                         QStringLiteral("inventory"),
                         Core::InventoryKey{row.sku, row.locationCode, name}.toString(),
                         QString::number(value),
                         now - ago,
                         now - ago)
                  .ok();
          };
    return agree(QStringLiteral("shopify"),
                 Core::QuantityName::Available,
                 row.quantities.available(),
                 2 * kMinuteMs)
           && agree(QStringLiteral("erp"),
                    Core::QuantityName::OnHand,
                    row.quantities.onHand(),
                    25 * kMinuteMs)
           && agree(QStringLiteral("wms"),
                    Core::QuantityName::OnHand,
                    qMax<qint64>(0, row.quantities.onHand() - 2),
                    190 * kMinuteMs);
}

// The availability page with `row` current and the tab `tab` below it.
bool shootDetail(Core::Store &store,
                 const QSize &size,
                 const QString &file,
                 int row,
                 int tab,
                 const QString &matrixLocation = {})
{
    Ui::MainWindow window(store);
    window.resize(size);
    window.show();
    window.showPage(QStringLiteral("availability"));
    auto *page = qobject_cast<Ui::AvailabilityPage *>(window.page(QStringLiteral("availability")));
    if (!page) {
        return false;
    }
    const QDeadlineTimer deadline(30'000);
    while (!page->model()->rowAt(row) && !deadline.hasExpired()) {
        QApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    }
    page->view()->setCurrentIndex(page->model()->index(row, Ui::AvailabilityModel::Sku));
    page->detailTabs()->setCurrentIndex(tab);
    page->followCurrentRowNow();
    if (!matrixLocation.isEmpty()) {
        page->matrixView()->setLocation(matrixLocation);
    }
    // The details and the matrix arrive from their loader thread.
    while ((page->detailPane()->isLoading() || page->matrixView()->isLoading())
           && !deadline.hasExpired()) {
        QApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
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
    const QCommandLineOption liveOption(
        QStringLiteral("live-demo"),
        QStringLiteral("Picture the live demo (the real sandbox, synced) as live-demo.png, after "
                       "<seconds> of running (one picture)."),
        QStringLiteral("seconds"));
    parser.addOption(liveOption);
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

    if (parser.isSet(liveOption)) {
        const auto settle
            = std::chrono::milliseconds(qint64(parser.value(liveOption).toDouble() * 1000.0));
        return Console::shootLiveDemo(size, out.filePath(QStringLiteral("live-demo.png")), settle)
                   ? 0
                   : 1;
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
    // Row 3 in SKU order carries the warehouse conflict raised above.
    const auto detailRows
        = Core::AvailabilityQuery(demo).fetch({}, Core::AvailabilitySort::Sku, false, 4);
    ok = detailRows && detailRows.value().size() == 4
         && seedSystemFigures(demo, detailRows.value().at(3))
         && shootDetail(demo, size, out.filePath(QStringLiteral("availability-detail.png")), 3, 0)
         && shootDetail(demo,
                        size,
                        out.filePath(QStringLiteral("availability-matrix.png")),
                        3,
                        1,
                        QStringLiteral("STORE-SOHO"))
         && ok;
    ok = shootPage(demo,
                   size,
                   QStringLiteral("sync-health"),
                   out.filePath(QStringLiteral("sync-health.png")),
                   {})
         && ok;
    // Settings with a saved Shopify connection whose token is in the (here in-memory) keychain.
    Core::InMemorySecretStore secrets;
    (void)secrets.write(QStringLiteral("shopify/accessToken"), "shpat_example");
    ok = shootPage(demo,
                   size,
                   QStringLiteral("settings"),
                   out.filePath(QStringLiteral("settings.png")),
                   [&demo, &secrets](Ui::MainWindow &window) {
                       auto *page = qobject_cast<Ui::SettingsPage *>(
                           window.page(QStringLiteral("settings")));
                       if (!page) {
                           page = new Ui::SettingsPage(
                               demo, secrets, QStringLiteral("connections.json"), &window);
                           window.addPage(page);
                       }
                       window.showPage(QStringLiteral("settings"));
                       QFile book(QStringLiteral("connections.json"));
                       if (book.open(QIODevice::WriteOnly)) {
                           book.write(R"json({"format": "ledgerdesk-connection", "version": 1,
  "systems": {"shopify": {"kind": "shopify",
    "baseUrl": "https://ledgerdesk-demo.myshopify.com", "apiVersion": "2026-04",
    "shopDomain": "ledgerdesk-demo.myshopify.com"}}})json");
                       }
                       book.close();
                       page->connectionsPanel()->reload();
                       page->connectionsPanel()->selectSystem(QStringLiteral("shopify"));
                   })
         && ok;
    // Orders from every channel and B2B buyers with their price lists.
    QStringList skus;
    const Core::OrderId shownOrder = seedOrders(demo, skus);
    if (shownOrder == 0) {
        std::fprintf(stderr, "ledgerdesk-screenshots: could not seed orders\n");
        return 1;
    }
    ok = shootPage(demo,
                   size,
                   QStringLiteral("orders"),
                   out.filePath(QStringLiteral("orders.png")),
                   [&demo, shownOrder](Ui::MainWindow &window) {
                       auto *page
                           = qobject_cast<Ui::OrdersPage *>(window.page(QStringLiteral("orders")));
                       if (!page) {
                           page = new Ui::OrdersPage(demo, &window);
                           window.addPage(page);
                       }
                       window.showPage(QStringLiteral("orders"));
                       waitForOrders(*page);
                       page->selectOrder(shownOrder);
                   })
         && ok;
    ok = shootPage(demo,
                   size,
                   QStringLiteral("pricing"),
                   out.filePath(QStringLiteral("pricing.png")),
                   [&demo, &skus](Ui::MainWindow &window) {
                       auto *page = qobject_cast<Ui::PricingPage *>(
                           window.page(QStringLiteral("pricing")));
                       if (!page) {
                           page = new Ui::PricingPage(demo, &window);
                           window.addPage(page);
                       }
                       window.showPage(QStringLiteral("pricing"));
                       page->selectLocation(QStringLiteral("gid://shopify/CompanyLocation/11"));
                       page->calculator()->setSku(skus.at(0));
                       page->calculator()->setQuantity(15);
                   })
         && ok;
    {
        // The rep's entry for a wholesale buyer: a break price, a fixed price, a broken rule.
        Ui::OrderEntryDialog entry(demo, QStringLiteral("maria"));
        entry.setBuyer(QStringLiteral("gid://shopify/CompanyLocation/11"));
        entry.setPoNumber(QStringLiteral("PO-88302"));
        entry.addLine(skus.at(0), 18);
        entry.addLine(skus.at(2), 6);
        entry.addLine(skus.at(3), 10);
        entry.findChild<QTableView *>(QStringLiteral("lines"))->selectRow(0);
        entry.show();
        for (int i = 0; i < 5; ++i) {
            QApplication::processEvents();
        }
        const QString file = out.filePath(QStringLiteral("order-entry.png"));
        const bool saved = entry.grab().toImage().save(file);
        std::fprintf(stdout, "%s %s\n", saved ? "wrote" : "FAILED", qPrintable(file));
        ok = saved && ok;
    }
    return ok ? 0 : 1;
}
