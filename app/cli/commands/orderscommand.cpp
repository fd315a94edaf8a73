#include <app/cli/cli.h>
#include <app/cli/clicontext.h>
#include <core/orders/channellocations.h>
#include <core/orders/orderallocator.h>
#include <core/orders/orderbook.h>
#include <core/orders/orderfulfilment.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <functional>

namespace Ledgerdesk::Cli {

namespace {

int failWith(CliContext &context, const Core::Error &error)
{
    context.err() << error.message << '\n';
    return error.code == Core::ErrorCode::Storage ? ExitStorage : ExitFailed;
}

QJsonObject orderJson(const Core::Order &order)
{
    QJsonArray lines;
    for (const Core::OrderLine &line : order.lines) {
        QJsonArray held;
        for (const Core::OrderLineAllocation &allocation : line.allocations) {
            held.append(QJsonObject{{QStringLiteral("location"), allocation.locationCode},
                                    {QStringLiteral("quantity"), allocation.quantity}});
        }
        lines.append(QJsonObject{{QStringLiteral("sku"), line.sku},
                                 {QStringLiteral("quantity"), line.quantity},
                                 {QStringLiteral("unitPrice"), line.unitPrice.amountString()},
                                 {QStringLiteral("allocated"), line.allocated()},
                                 {QStringLiteral("allocations"), held}});
    }
    return {{QStringLiteral("id"), QString::number(order.id)},
            {QStringLiteral("channel"), order.channel},
            {QStringLiteral("reference"), order.externalRef},
            {QStringLiteral("name"), order.name},
            {QStringLiteral("company"), order.company},
            {QStringLiteral("poNumber"), order.poNumber},
            {QStringLiteral("paymentTerms"), order.paymentTerms},
            {QStringLiteral("currency"), order.currency},
            {QStringLiteral("state"), Core::orderStateKey(order.state)},
            {QStringLiteral("issuedAt"), Core::formatIsoTimestamp(order.issuedAt)},
            {QStringLiteral("lines"), lines}};
}

// "SKU:QUANTITY:PRICE" as typed on the command line.
std::optional<Core::IncomingOrder::Line> parseLine(const QString &text)
{
    const QStringList parts = text.split(u':');
    bool ok = false;
    const qint64 quantity = parts.value(1).toLongLong(&ok);
    if (parts.size() != 3 || parts[0].isEmpty() || !ok) {
        return std::nullopt;
    }
    return Core::IncomingOrder::Line{parts[0], quantity, parts[2]};
}

int listOrders(CliContext &context, Core::Store &store, const QCommandLineParser &parser)
{
    Core::OrderFilter filter;
    filter.channel = parser.value(QStringLiteral("channel"));
    filter.company = parser.value(QStringLiteral("company"));
    if (parser.isSet(QStringLiteral("state"))) {
        filter.state = Core::orderStateFromKey(parser.value(QStringLiteral("state")));
        if (!filter.state) {
            context.err() << "--state is one of "
                          << Core::orderStateKeys().join(QStringLiteral(", ")) << '\n';
            return ExitUsage;
        }
    }
    const auto orders = Core::OrderBook(store).list(filter);
    if (!orders) {
        return failWith(context, orders.error());
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray all;
        for (const Core::Order &order : orders.value()) {
            all.append(orderJson(order));
        }
        context.out() << QJsonDocument(all).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    context.out() << QStringLiteral("%1 %2 %3 %4 %5\n")
                         .arg(QStringLiteral("ID"), -6)
                         .arg(QStringLiteral("CHANNEL"), -8)
                         .arg(QStringLiteral("NAME"), -14)
                         .arg(QStringLiteral("STATE"), -12)
                         .arg(QStringLiteral("COMPANY"));
    for (const Core::Order &order : orders.value()) {
        context.out() << QStringLiteral("%1 %2 %3 %4 %5\n")
                             .arg(order.id, -6)
                             .arg(order.channel, -8)
                             .arg(order.name, -14)
                             .arg(Core::orderStateKey(order.state), -12)
                             .arg(order.company);
    }
    return ExitOk;
}

int showOrder(CliContext &context, Core::Store &store, Core::OrderId id)
{
    Core::OrderBook book(store);
    const auto order = book.get(id);
    if (!order) {
        return failWith(context, order.error());
    }
    if (!order.value()) {
        context.err() << "no order " << id << '\n';
        return ExitFailed;
    }
    const auto history = book.history(id);
    if (!history) {
        return failWith(context, history.error());
    }
    QJsonObject json = orderJson(*order.value());
    QJsonArray events;
    for (const Core::OrderEvent &event : history.value()) {
        events.append(QJsonObject{{QStringLiteral("at"), Core::formatIsoTimestamp(event.at)},
                                  {QStringLiteral("actor"), event.actor},
                                  {QStringLiteral("state"), Core::orderStateKey(event.to)},
                                  {QStringLiteral("detail"), event.detail}});
    }
    json.insert(QStringLiteral("history"), events);
    context.out() << QJsonDocument(json).toJson(QJsonDocument::Indented);
    return ExitOk;
}

int addOrder(CliContext &context, Core::Store &store, const QCommandLineParser &parser)
{
    Core::IncomingOrder order;
    order.channel = parser.value(QStringLiteral("channel"));
    order.externalRef = parser.value(QStringLiteral("reference"));
    order.name = order.externalRef;
    order.company = parser.value(QStringLiteral("company"));
    order.poNumber = parser.value(QStringLiteral("po"));
    order.paymentTerms = parser.value(QStringLiteral("terms"));
    order.currency = parser.value(QStringLiteral("currency"));
    for (const QString &text : parser.values(QStringLiteral("line"))) {
        const auto line = parseLine(text);
        if (!line) {
            context.err() << "--line takes SKU:QUANTITY:PRICE, not \"" << text << "\"\n";
            return ExitUsage;
        }
        order.lines << *line;
    }
    const auto received
        = Core::OrderBook(store).receive(order, parser.value(QStringLiteral("actor")));
    if (!received) {
        return failWith(context, received.error());
    }
    context.out() << (received.value().duplicate ? "already received as order " : "order ")
                  << received.value().id << '\n';
    return ExitOk;
}

int allocate(CliContext &context,
             Core::Store &store,
             const QCommandLineParser &parser,
             Core::OrderId id)
{
    std::optional<Core::StockOverride> override;
    if (parser.isSet(QStringLiteral("override"))) {
        override = Core::StockOverride{parser.value(QStringLiteral("override"))};
    }
    const auto outcome
        = Core::OrderAllocator(store).allocate(id, parser.value(QStringLiteral("actor")), override);
    if (!outcome) {
        return failWith(context, outcome.error());
    }
    context.out() << "order " << id << ' ' << Core::orderStateKey(outcome.value().state) << ": "
                  << outcome.value().allocatedNow << " committed, " << outcome.value().shortfall
                  << " short\n";
    return ExitOk;
}

int channelLocations(CliContext &context,
                     Core::Store &store,
                     const QStringList &positional,
                     const QString &actor)
{
    Core::ChannelLocations locations(store);
    const QString channel = positional.value(1);
    if (positional.size() > 2) {
        if (const Core::Status saved = locations.set(channel, positional.mid(2), actor); !saved) {
            return failWith(context, saved.error());
        }
    }
    const auto codes = locations.codes(channel);
    if (!codes) {
        return failWith(context, codes.error());
    }
    context.out() << channel << ": " << codes.value().join(QStringLiteral(", ")) << '\n';
    return ExitOk;
}

} // namespace

int ordersCommand(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(
        QStringLiteral("action"),
        QStringLiteral("list | show ID | add | allocate ID | reallocate | release ID | pick ID | "
                       "ship ID | invoice ID | pay ID | cancel ID | return ID | locations "
                       "CHANNEL [CODE…]"));
    const QString user = qEnvironmentVariable("USER", QStringLiteral("cli"));
    parser.addOptions({
        {QStringLiteral("actor"),
         QStringLiteral("Who acts (kept in the audit log)."),
         QStringLiteral("actor"),
         user},
        {QStringLiteral("json"), QStringLiteral("list: print JSON.")},
        {QStringLiteral("channel"),
         QStringLiteral("list: only this channel; add: the channel."),
         QStringLiteral("channel")},
        {QStringLiteral("state"),
         QStringLiteral("list: only this state."),
         QStringLiteral("state")},
        {QStringLiteral("company"),
         QStringLiteral("list: company contains; add: the buyer."),
         QStringLiteral("company")},
        {QStringLiteral("reference"),
         QStringLiteral("add: the order's reference in its channel."),
         QStringLiteral("reference")},
        {QStringLiteral("currency"),
         QStringLiteral("add: ISO currency code."),
         QStringLiteral("code"),
         QStringLiteral("USD")},
        {QStringLiteral("po"),
         QStringLiteral("add: purchase order number."),
         QStringLiteral("number")},
        {QStringLiteral("terms"),
         QStringLiteral("add: payment terms, e.g. \"Net 30\"."),
         QStringLiteral("terms")},
        {QStringLiteral("line"),
         QStringLiteral("add: SKU:QUANTITY:PRICE, repeatable."),
         QStringLiteral("line")},
        {QStringLiteral("override"),
         QStringLiteral("allocate: allow available below zero, with this reason."),
         QStringLiteral("reason")},
        {QStringLiteral("reason"), QStringLiteral("cancel: why."), QStringLiteral("reason")},
        {QStringLiteral("restock"),
         QStringLiteral("return: put the units back to available (default: damaged or discard must "
                        "be chosen).")},
        {QStringLiteral("damaged"), QStringLiteral("return: keep the units on hand as damaged.")},
        {QStringLiteral("discard"), QStringLiteral("return: write the units off.")},
    });
    if (const int stop = context.parse(parser,
                                       arguments,
                                       QStringLiteral("One order queue for every channel: receive, "
                                                      "allocate against the ledger, pick, ship, "
                                                      "invoice, cancel and return."));
        stop >= 0) {
        return stop;
    }
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    const QString actor = parser.value(QStringLiteral("actor"));
    bool idOk = false;
    const Core::OrderId id = positional.value(1).toLongLong(&idOk);
    static const QStringList withId = {QStringLiteral("show"),
                                       QStringLiteral("allocate"),
                                       QStringLiteral("release"),
                                       QStringLiteral("pick"),
                                       QStringLiteral("ship"),
                                       QStringLiteral("invoice"),
                                       QStringLiteral("pay"),
                                       QStringLiteral("cancel"),
                                       QStringLiteral("return")};
    static const QStringList without
        = {QStringLiteral("list"), QStringLiteral("add"), QStringLiteral("reallocate")};
    const bool needsId = withId.contains(action);
    if ((needsId && (!idOk || positional.size() != 2))
        || (without.contains(action) && positional.size() != 1)
        || (action == u"locations" && positional.size() < 2)
        || (!needsId && !without.contains(action) && action != u"locations")) {
        context.err() << "orders needs one of: list, show ID, add, allocate ID, reallocate, "
                         "release ID, pick ID, ship ID, invoice ID, pay ID, cancel ID, return ID, "
                         "locations CHANNEL [CODE…]\n";
        return ExitUsage;
    }
    if (action == u"add"
        && (!parser.isSet(QStringLiteral("channel")) || !parser.isSet(QStringLiteral("reference"))
            || !parser.isSet(QStringLiteral("line")))) {
        context.err() << "orders add needs --channel, --reference and at least one --line\n";
        return ExitUsage;
    }
    const int restockChoices = int(parser.isSet(QStringLiteral("restock")))
                               + int(parser.isSet(QStringLiteral("damaged")))
                               + int(parser.isSet(QStringLiteral("discard")));
    if (action == u"return" && restockChoices != 1) {
        context.err() << "orders return needs one of --restock, --damaged or --discard\n";
        return ExitUsage;
    }
    Core::Store *store = context.openStore();
    if (!store) {
        return ExitStorage;
    }
    if (action == u"list") {
        return listOrders(context, *store, parser);
    }
    if (action == u"show") {
        return showOrder(context, *store, id);
    }
    if (action == u"add") {
        return addOrder(context, *store, parser);
    }
    if (action == u"allocate") {
        return allocate(context, *store, parser, id);
    }
    if (action == u"locations") {
        return channelLocations(context, *store, positional, actor);
    }
    if (action == u"reallocate") {
        const auto filled = Core::OrderAllocator(*store).reallocateBackorders(actor);
        if (!filled) {
            return failWith(context, filled.error());
        }
        context.out() << filled.value() << " backordered orders received stock\n";
        return ExitOk;
    }
    Core::OrderFulfilment fulfilment(*store);
    Core::OrderBook book(*store);
    const QHash<QString, std::function<Core::Status()>> steps = {
        {QStringLiteral("release"), [&] { return fulfilment.release(id, actor); }},
        {QStringLiteral("pick"), [&] { return fulfilment.pick(id, actor); }},
        {QStringLiteral("ship"),
         [&] { return book.advance(id, Core::OrderState::Shipped, actor); }},
        {QStringLiteral("invoice"),
         [&] { return book.advance(id, Core::OrderState::Invoiced, actor); }},
        {QStringLiteral("pay"), [&] { return book.advance(id, Core::OrderState::Paid, actor); }},
        {QStringLiteral("cancel"),
         [&] { return fulfilment.cancel(id, actor, parser.value(QStringLiteral("reason"))); }},
        {QStringLiteral("return"),
         [&] {
             const Core::RestockDecision decision
                 = parser.isSet(QStringLiteral("restock"))   ? Core::RestockDecision::Restock
                   : parser.isSet(QStringLiteral("damaged")) ? Core::RestockDecision::Damaged
                                                             : Core::RestockDecision::Discard;
             return fulfilment.returnOrder(id, decision, actor);
         }},
    };
    if (const Core::Status done = steps.value(action)(); !done) {
        return failWith(context, done.error());
    }
    const auto order = book.get(id);
    if (!order || !order.value()) {
        return order ? ExitFailed : failWith(context, order.error());
    }
    context.out() << "order " << id << ' ' << Core::orderStateKey(order.value()->state) << '\n';
    return ExitOk;
}

} // namespace Ledgerdesk::Cli
