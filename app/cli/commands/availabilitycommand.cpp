#include <app/cli/cli.h>
#include <app/cli/clicontext.h>
#include <core/ledger/availability.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace Ledgerdesk::Cli {

namespace {

QJsonObject toJson(const Core::AvailabilityRow &row)
{
    const Core::Quantities &q = row.quantities;
    return QJsonObject{
        {QStringLiteral("variant_id"), QString::number(row.variantId)},
        {QStringLiteral("location_id"), QString::number(row.locationId)},
        {QStringLiteral("sku"), row.sku},
        {QStringLiteral("style"), row.styleHandle},
        {QStringLiteral("title"), row.title},
        {QStringLiteral("color"), row.option1},
        {QStringLiteral("size"), row.option2},
        {QStringLiteral("barcode"), row.barcode},
        {QStringLiteral("location"), row.locationCode},
        {QStringLiteral("location_name"), row.locationName},
        {QStringLiteral("available"), q.available()},
        {QStringLiteral("committed"), q.committed()},
        {QStringLiteral("reserved"), q.get(Core::QuantityName::Reserved)},
        {QStringLiteral("damaged"), q.get(Core::QuantityName::Damaged)},
        {QStringLiteral("quality_control"), q.get(Core::QuantityName::QualityControl)},
        {QStringLiteral("safety_stock"), q.get(Core::QuantityName::SafetyStock)},
        {QStringLiteral("on_hand"), q.onHand()},
        {QStringLiteral("incoming"), q.incoming()},
    };
}

void printTable(QTextStream &out, const QList<Core::AvailabilityRow> &rows)
{
    QList<QStringList> table{{QStringLiteral("SKU"),
                              QStringLiteral("STYLE"),
                              QStringLiteral("COLOUR"),
                              QStringLiteral("SIZE"),
                              QStringLiteral("LOCATION"),
                              QStringLiteral("AVAILABLE"),
                              QStringLiteral("COMMITTED"),
                              QStringLiteral("ON_HAND"),
                              QStringLiteral("INCOMING")}};
    for (const Core::AvailabilityRow &row : rows) {
        table << QStringList{row.sku,
                             row.styleHandle,
                             row.option1,
                             row.option2,
                             row.locationCode,
                             QString::number(row.quantities.available()),
                             QString::number(row.quantities.committed()),
                             QString::number(row.quantities.onHand()),
                             QString::number(row.quantities.incoming())};
    }
    constexpr qsizetype kTextColumns = 5; // the rest are numbers, aligned right
    QList<qsizetype> widths(table.first().size(), 0);
    for (const QStringList &line : table) {
        for (qsizetype i = 0; i < line.size(); ++i) {
            widths[i] = std::max(widths[i], line[i].size());
        }
    }
    for (const QStringList &line : table) {
        QStringList cells;
        for (qsizetype i = 0; i < line.size(); ++i) {
            const int width = static_cast<int>(widths[i]);
            cells << (i < kTextColumns ? line[i].leftJustified(width)
                                       : line[i].rightJustified(width));
        }
        out << cells.join(QStringLiteral("  ")).trimmed() << '\n';
    }
}

} // namespace

int availabilityCommand(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption sku(
        QStringLiteral("sku"), QStringLiteral("Exactly this SKU."), QStringLiteral("sku"));
    const QCommandLineOption style(QStringLiteral("style"),
                                   QStringLiteral("Exactly this style handle."),
                                   QStringLiteral("handle"));
    const QCommandLineOption location(QStringLiteral("location"),
                                      QStringLiteral("Exactly this location code."),
                                      QStringLiteral("code"));
    const QCommandLineOption search(QStringLiteral("search"),
                                    QStringLiteral("SKU prefix, handle, title words or barcode."),
                                    QStringLiteral("text"));
    const QCommandLineOption lowStock(QStringLiteral("low-stock"),
                                      QStringLiteral("Only rows with little available."));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Print a JSON array instead of a table."));
    const QCommandLineOption limit(
        QStringLiteral("limit"), QStringLiteral("At most N rows."), QStringLiteral("n"));
    parser.addOptions({sku, style, location, search, lowStock, json, limit});
    if (const int stop = context.parse(
            parser, arguments, QStringLiteral("Show stock by SKU, style and location."));
        stop >= 0) {
        return stop;
    }
    if (!parser.positionalArguments().isEmpty()) {
        context.err() << "availability takes no arguments, only options\n";
        return ExitUsage;
    }
    qint64 maxRows = -1;
    if (parser.isSet(limit)) {
        bool ok = false;
        maxRows = parser.value(limit).toLongLong(&ok);
        if (!ok || maxRows < 0) {
            context.err() << "--limit needs a whole number of rows, not \"" << parser.value(limit)
                          << "\"\n";
            return ExitUsage;
        }
    }
    Core::Store *store = context.openStore();
    if (!store) {
        return ExitStorage;
    }
    Core::AvailabilityFilter filter;
    filter.sku = parser.value(sku);
    filter.styleHandle = parser.value(style);
    filter.locationCode = parser.value(location);
    filter.search = parser.value(search);
    filter.lowStockOnly = parser.isSet(lowStock);
    Core::AvailabilityQuery query(*store);
    const auto rows = query.fetch(filter, Core::AvailabilitySort::Sku, false, maxRows);
    if (!rows) {
        context.err() << "cannot read availability: " << rows.error().message << '\n';
        return ExitStorage;
    }
    if (parser.isSet(json)) {
        QJsonArray array;
        for (const Core::AvailabilityRow &row : rows.value()) {
            array.append(toJson(row));
        }
        context.out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    printTable(context.out(), rows.value());
    if (maxRows >= 0) {
        const auto total = query.count(filter);
        if (total && total.value() > rows.value().size()) {
            context.err() << "(" << rows.value().size() << " of " << total.value() << " rows)\n";
        }
    }
    return ExitOk;
}

} // namespace Ledgerdesk::Cli
