#include <app/cli/cli.h>
#include <app/cli/clicontext.h>
#include <core/pricing/pricebook.h>

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

namespace Ledgerdesk::Cli {

namespace {

int failWith(CliContext &context, const Core::Error &error)
{
    context.err() << error.message << '\n';
    return error.code == Core::ErrorCode::Storage ? ExitStorage : ExitFailed;
}

int setRate(CliContext &context, Core::Store &store, const QStringList &args, const QString &actor)
{
    const QDate day = QDate::fromString(args.value(2), Qt::ISODate);
    if (args.size() != 4 || !day.isValid()) {
        context.err() << "pricing rates set needs FROM TO DATE RATE, e.g. USD EUR 2026-11-01 "
                         "0.92 (DATE as YYYY-MM-DD)\n";
        return ExitUsage;
    }
    const Core::Status set
        = Core::PriceBook(store).setExchangeRate(args[0], args[1], day, args[3], actor);
    if (!set) {
        if (set.error().code != Core::ErrorCode::Validation) {
            return failWith(context, set.error());
        }
        context.err() << set.error().message << '\n';
        return ExitUsage;
    }
    context.out() << "1 " << args[0] << " = " << args[3] << ' ' << args[1] << " from "
                  << day.toString(Qt::ISODate) << '\n';
    return ExitOk;
}

int listLocations(CliContext &context, Core::Store &store)
{
    const auto locations = Core::PriceBook(store).companyLocations();
    if (!locations) {
        return failWith(context, locations.error());
    }
    for (const Core::CompanyLocationInfo &l : locations.value()) {
        context.out() << l.id << "  " << l.companyName << " / " << l.name << "  "
                      << (l.priceListName.isEmpty() ? QStringLiteral("(base prices)")
                                                    : l.priceListName)
                      << "  " << l.terms.describe() << '\n';
    }
    return ExitOk;
}

int quote(CliContext &context, Core::Store &store, const QCommandLineParser &parser)
{
    bool ok = false;
    const qint64 quantity = parser.value(QStringLiteral("quantity")).toLongLong(&ok);
    const QString sku = parser.value(QStringLiteral("sku"));
    if (sku.isEmpty() || !ok || quantity < 1) {
        context.err() << "pricing quote needs --sku SKU and --quantity N (N ≥ 1)\n";
        return ExitUsage;
    }
    QDate day = QDateTime::currentDateTimeUtc().date();
    if (parser.isSet(QStringLiteral("date"))) {
        day = QDate::fromString(parser.value(QStringLiteral("date")), Qt::ISODate);
        if (!day.isValid()) {
            context.err() << "--date is YYYY-MM-DD\n";
            return ExitUsage;
        }
    }
    const auto quoted = Core::PriceBook(store).quote(
        parser.value(QStringLiteral("company-location")), sku, quantity, day);
    if (!quoted) {
        return failWith(context, quoted.error());
    }
    const Core::Quote &q = quoted.value();
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject json{{QStringLiteral("sku"), q.sku},
                         {QStringLiteral("quantity"), q.quantity},
                         {QStringLiteral("unitPrice"), q.unitPrice.amountString()},
                         {QStringLiteral("total"), q.total.amountString()},
                         {QStringLiteral("currency"), q.unitPrice.currency()},
                         {QStringLiteral("source"), Core::priceSourceKey(q.source)},
                         {QStringLiteral("priceList"), q.priceList},
                         {QStringLiteral("quantityProblem"), q.quantityProblem},
                         {QStringLiteral("explanation"), q.explanation}};
        if (q.rate) {
            json.insert(QStringLiteral("rate"), q.rate->rateText());
            json.insert(QStringLiteral("rateEffective"), q.rate->effective.toString(Qt::ISODate));
        }
        context.out() << QJsonDocument(json).toJson(QJsonDocument::Indented);
    } else {
        context.out() << q.quantity << " × " << q.sku << " at " << q.unitPrice.toString() << " = "
                      << q.total.toString() << '\n'
                      << q.explanation << '\n';
        if (!q.quantityProblem.isEmpty()) {
            context.out() << "Quantity rule: " << q.quantityProblem << '\n';
        }
    }
    return q.acceptable() ? ExitOk : ExitFailed;
}

} // namespace

int pricingCommand(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("action"),
                                 QStringLiteral("rates set FROM TO DATE RATE | locations | quote"));
    parser.addOptions(
        {{QStringLiteral("company-location"),
          QStringLiteral("The buyer's company location id (none: the base price)."),
          QStringLiteral("id")},
         {QStringLiteral("sku"), QStringLiteral("The SKU to quote."), QStringLiteral("sku")},
         {QStringLiteral("quantity"), QStringLiteral("How many units."), QStringLiteral("n")},
         {QStringLiteral("date"),
          QStringLiteral("The day whose exchange rate applies (default today)."),
          QStringLiteral("YYYY-MM-DD")},
         {QStringLiteral("actor"),
          QStringLiteral("Who sets the rate (default $USER)."),
          QStringLiteral("name")},
         {QStringLiteral("json"), QStringLiteral("Print the quote as JSON.")}});
    if (const int stop = context.parse(
            parser,
            arguments,
            QStringLiteral("pricing: dated exchange rates, the buyers' company locations, and "
                           "quotes through their price lists.\nA quote whose quantity breaks "
                           "the list's rule is printed and exits with 1."));
        stop >= 0) {
        return stop;
    }
    const QStringList args = parser.positionalArguments();
    const QString action = args.value(0);
    if (action != u"rates" && action != u"locations" && action != u"quote") {
        context.err() << "pricing needs 'rates set', 'locations' or 'quote'\n";
        return ExitUsage;
    }
    if (action == u"rates" && args.value(1) != u"set") {
        context.err() << "pricing rates needs 'set FROM TO DATE RATE'\n";
        return ExitUsage;
    }
    Core::Store *store = context.openStore();
    if (store == nullptr) {
        return ExitStorage;
    }
    if (action == u"rates") {
        QString actor = parser.value(QStringLiteral("actor"));
        if (actor.isEmpty()) {
            actor = qEnvironmentVariable("USER", QStringLiteral("cli"));
        }
        return setRate(context, *store, args.mid(2), actor);
    }
    if (action == u"locations") {
        return listLocations(context, *store);
    }
    return quote(context, *store, parser);
}

} // namespace Ledgerdesk::Cli
