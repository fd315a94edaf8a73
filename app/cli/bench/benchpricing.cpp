#include "benchpricing.h"

#include <app/cli/bench/latency.h>
#include <app/cli/cli.h>
#include <app/cli/clicontext.h>
#include <core/demo/democatalog.h>
#include <core/demo/demoseeder.h>
#include <core/ledger/ledger.h>
#include <core/orders/orderallocator.h>
#include <core/orders/orderbook.h>
#include <core/pricing/pricebook.h>
#include <core/pricing/pricingengine.h>
#include <core/store/sql.h>
#include <core/store/store.h>

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QHash>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <memory>

namespace Ledgerdesk::Cli {

using namespace Core;

namespace {

const QString kLocation = QStringLiteral("bench:location");
const QString kEur = QStringLiteral("EUR");
const QDate kDay(2026, 6, 1);

struct Sizes
{
    qint64 quotes = 100000;
    qint64 loadingQuotes = 5000;
    qint64 orders = 2000;
};

// The demo business plus one wholesale buyer whose EUR list has a percentage, fixed prices on
// every seventh SKU, two breaks and a quantity rule on every twenty-first.
Result<std::unique_ptr<Store>> benchLedger(const QString &path, const QStringList &skus)
{
    auto store = std::make_unique<Store>(StoreConfig::sqlite(path));
    if (const Status opened = store->open(); !opened) {
        return opened.error();
    }
    if (auto seeded = seedDemoLedger(*store); !seeded) {
        return seeded.error();
    }
    B2BSnapshot snapshot;
    snapshot.companies << CompanyRecord{QStringLiteral("bench:company"),
                                        QStringLiteral("Bench Wholesale")};
    PriceListRecord list{QStringLiteral("bench:list"),
                         QStringLiteral("Wholesale EUR"),
                         kEur,
                         QStringLiteral("PERCENTAGE_DECREASE"),
                         QStringLiteral("38"),
                         {},
                         {},
                         {}};
    for (int i = 0; i < skus.size(); i += 7) {
        list.prices << PriceListPriceRecord{skus.at(i), Money(5000 + i, kEur)};
        if (i % 21 == 0) {
            list.breaks << PriceBreakRecord{skus.at(i), 12, Money(4750 + i, kEur)}
                        << PriceBreakRecord{skus.at(i), 48, Money(4500 + i, kEur)};
            list.rules << QuantityRuleRecord{skus.at(i), 6, 600, 6};
        }
    }
    snapshot.priceLists << list;
    snapshot.locations << CompanyLocationRecord{kLocation,
                                                QStringLiteral("bench:company"),
                                                QStringLiteral("Rotterdam"),
                                                kEur,
                                                QStringLiteral("Net 30"),
                                                QStringLiteral("NET"),
                                                30,
                                                {},
                                                list.id};
    if (const Status saved = PriceBook(*store).save(snapshot); !saved) {
        return saved.error();
    }
    return store;
}

void printLatency(QTextStream &out, const QString &label, const LatencyStats &stats)
{
    out << QStringLiteral("%1 p50 %2 µs  p99 %3 µs  max %4 µs  (%5 quotes)\n")
               .arg(label, -28)
               .arg(stats.p50, 0, 'f', 1)
               .arg(stats.p99, 0, 'f', 1)
               .arg(stats.max, 0, 'f', 1)
               .arg(stats.count);
}

Status benchQuotes(QTextStream &out, Store &store, const QStringList &skus, const Sizes &sizes)
{
    PriceBook book(store);
    QElapsedTimer load;
    load.start();
    auto list = book.priceListFor(kLocation);
    auto rates = book.exchangeRates();
    auto prices = runQuery(store.connection(),
                           QStringLiteral("SELECT sku, price_minor, currency FROM variants WHERE "
                                          "price_minor IS NOT NULL"));
    if (!list || !list.value() || !rates || !prices) {
        return makeError(ErrorCode::Storage, QStringLiteral("the bench price list did not load"));
    }
    QHash<QString, Money> base;
    while (prices.value().next()) {
        base.insert(
            prices.value().value(0).toString(),
            Money(prices.value().value(1).toLongLong(), prices.value().value(2).toString()));
    }
    const qint64 loadMs = load.elapsed();
    const PricingEngine engine(rates.value());
    QRandomGenerator rng(20261123);
    std::vector<double> memory;
    memory.reserve(std::size_t(sizes.quotes));
    for (qint64 i = 0; i < sizes.quotes; ++i) {
        const QString &sku = skus.at(int(rng.bounded(int(skus.size()))));
        const qint64 quantity = 6 * (1 + qint64(rng.bounded(10)));
        QElapsedTimer timer;
        timer.start();
        auto quote = engine.quote({sku, quantity, base.value(sku), kDay}, &*list.value());
        memory.push_back(double(timer.nsecsElapsed()) / 1000.0);
        if (!quote) {
            return quote.error();
        }
    }
    out << QStringLiteral("quotes: one load of the list, rates and %1 base prices took %2 ms\n")
               .arg(base.size())
               .arg(loadMs);
    printLatency(out, QStringLiteral("quote, in-memory engine"), latencyStats(memory));
    std::vector<double> loading;
    loading.reserve(std::size_t(sizes.loadingQuotes));
    for (qint64 i = 0; i < sizes.loadingQuotes; ++i) {
        const QString &sku = skus.at(int(rng.bounded(int(skus.size()))));
        QElapsedTimer timer;
        timer.start();
        auto quote = book.quote(kLocation, sku, 6 * (1 + qint64(rng.bounded(10))), kDay);
        loading.push_back(double(timer.nsecsElapsed()) / 1000.0);
        if (!quote) {
            return quote.error();
        }
    }
    printLatency(out, QStringLiteral("quote, PriceBook::quote"), latencyStats(loading));
    return success();
}

// Orders of one to three lines of one to three units; received before the clock starts.
Result<QList<OrderId>> receiveOrders(Store &store, const QStringList &skus, qint64 count)
{
    QRandomGenerator rng(7);
    OrderBook book(store);
    QList<OrderId> ids;
    for (qint64 i = 0; i < count; ++i) {
        IncomingOrder order;
        order.channel = OrderChannel::console;
        order.externalRef = QStringLiteral("bench-%1").arg(i);
        order.name = order.externalRef;
        order.currency = QStringLiteral("USD");
        order.issuedAt = nowUtcMillis();
        const int lines = 1 + int(rng.bounded(3));
        for (int l = 0; l < lines; ++l) {
            order.lines << IncomingOrder::Line{skus.at(int(rng.bounded(int(skus.size())))),
                                               1 + qint64(rng.bounded(3)),
                                               QStringLiteral("10.00")};
        }
        auto received = book.receive(order, QStringLiteral("bench"));
        if (!received) {
            return received.error();
        }
        ids << received.value().id;
    }
    return ids;
}

// The allocations OrderAllocator made, one posting per order, as a raw ledger would post them.
Result<QList<PostingRequest>> sameMovements(Store &store)
{
    auto q = runQuery(store.connection(),
                      QStringLiteral("SELECT l.order_id, l.variant_id, a.location_id, a.quantity "
                                     "FROM order_allocations a JOIN order_lines l ON l.id = "
                                     "a.order_line_id ORDER BY l.order_id, l.id"));
    if (!q) {
        return q.error();
    }
    QList<PostingRequest> requests;
    OrderId current = -1;
    while (q.value().next()) {
        const OrderId order = q.value().value(0).toLongLong();
        if (order != current) {
            current = order;
            PostingRequest request;
            request.source = QStringLiteral("bench");
            request.reference = QStringLiteral("raw-%1").arg(order);
            request.reason = MovementReason::Allocation;
            request.actor = QStringLiteral("bench");
            request.occurredAt = nowUtcMillis();
            requests << request;
        }
        MovementLine line;
        line.variantId = q.value().value(1).toLongLong();
        line.locationId = q.value().value(2).toLongLong();
        line.delta.set(QuantityName::Available, -q.value().value(3).toLongLong());
        line.delta.set(QuantityName::Committed, q.value().value(3).toLongLong());
        requests.last().lines << line;
    }
    return requests;
}

Status benchAllocation(
    QTextStream &out, Store &orders, Store &raw, const QStringList &skus, const Sizes &sizes)
{
    auto ids = receiveOrders(orders, skus, sizes.orders);
    if (!ids) {
        return ids.error();
    }
    OrderAllocator allocator(orders);
    QElapsedTimer timer;
    timer.start();
    for (const OrderId id : std::as_const(ids.value())) {
        if (auto allocated = allocator.allocate(id, QStringLiteral("bench")); !allocated) {
            return allocated.error();
        }
    }
    const double allocSeconds = double(timer.nsecsElapsed()) / 1e9;
    auto requests = sameMovements(orders);
    if (!requests) {
        return requests.error();
    }
    Ledger ledger(raw);
    timer.restart();
    for (const PostingRequest &request : std::as_const(requests.value())) {
        if (auto posted = ledger.post(request); !posted) {
            return posted.error();
        }
    }
    const double rawSeconds = double(timer.nsecsElapsed()) / 1e9;
    const double allocRate = double(ids.value().size()) / allocSeconds;
    const double rawRate = double(requests.value().size()) / rawSeconds;
    out << QStringLiteral("allocation: %1 orders through OrderAllocator, %2 orders/s\n")
               .arg(ids.value().size())
               .arg(allocRate, 0, 'f', 0);
    out << QStringLiteral("allocation: the same %1 postings through Ledger::post, %2 postings/s\n")
               .arg(requests.value().size())
               .arg(rawRate, 0, 'f', 0);
    out << QStringLiteral("allocation: ratio to raw ledger posting %1\n")
               .arg(allocRate / rawRate, 0, 'f', 2);
    return success();
}

} // namespace

int benchPricingCommand(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("suite"), QStringLiteral("pricing"));
    const QCommandLineOption quick(QStringLiteral("quick"),
                                   QStringLiteral("Small sizes for a smoke run."));
    const QCommandLineOption quotes(QStringLiteral("quotes"),
                                    QStringLiteral("In-memory quotes timed (default 100000)."),
                                    QStringLiteral("n"));
    const QCommandLineOption orders(QStringLiteral("orders"),
                                    QStringLiteral("Orders allocated (default 2000)."),
                                    QStringLiteral("n"));
    parser.addOptions({quick, quotes, orders});
    if (const int stop = context.parse(
            parser,
            arguments,
            QStringLiteral("bench pricing: quote p50/p99 through the PriceBook and allocation "
                           "throughput as a ratio to raw ledger posting, on the demo business "
                           "in a temporary ledger."));
        stop >= 0) {
        return stop;
    }
    Sizes sizes;
    if (parser.isSet(quick)) {
        sizes = Sizes{2000, 200, 100};
    }
    for (const auto &[option, target] :
         {std::pair{&quotes, &sizes.quotes}, std::pair{&orders, &sizes.orders}}) {
        if (!parser.isSet(*option)) {
            continue;
        }
        bool ok = false;
        *target = parser.value(*option).toLongLong(&ok);
        if (!ok || *target <= 0) {
            context.err() << "--" << option->names().first() << " needs a positive whole number\n";
            return ExitUsage;
        }
    }
    QLoggingCategory::setFilterRules(
        QStringLiteral("ledgerdesk.*.debug=false\nledgerdesk.*.info=false"));
    QTemporaryDir work;
    if (!work.isValid()) {
        context.err() << "cannot create a temporary folder: " << work.errorString() << '\n';
        return ExitStorage;
    }
    QStringList skus;
    const DemoCatalog catalog = DemoCatalog::generate();
    for (const auto &style : catalog.styles()) {
        for (const auto &variant : style.variants) {
            skus << variant.sku;
        }
    }
    auto priced = benchLedger(work.filePath(QStringLiteral("pricing.db")), skus);
    if (!priced) {
        context.err() << priced.error().message << '\n';
        return ExitStorage;
    }
    auto raw = benchLedger(work.filePath(QStringLiteral("raw.db")), skus);
    if (!raw) {
        context.err() << raw.error().message << '\n';
        return ExitStorage;
    }
    if (const Status done = benchQuotes(context.out(), *priced.value(), skus, sizes); !done) {
        context.err() << done.error().message << '\n';
        return ExitFailed;
    }
    if (const Status done
        = benchAllocation(context.out(), *priced.value(), *raw.value(), skus, sizes);
        !done) {
        context.err() << done.error().message << '\n';
        return ExitFailed;
    }
    return ExitOk;
}

} // namespace Ledgerdesk::Cli
