#include <app/cli/cli.h>
#include <app/cli/clicontext.h>
#include <core/catalog/catalog.h>
#include <core/ledger/ledger.h>

#include <QUuid>

namespace Ledgerdesk::Cli {

namespace {

QString userName()
{
    const QString user = qEnvironmentVariable("USER");
    return user.isEmpty() ? QStringLiteral("cli") : user;
}

} // namespace

int postCommand(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption sku(
        QStringLiteral("sku"), QStringLiteral("Variant SKU."), QStringLiteral("sku"));
    const QCommandLineOption location(QStringLiteral("location"),
                                      QStringLiteral("Location code or name."),
                                      QStringLiteral("location"));
    const QCommandLineOption delta(QStringLiteral("delta"),
                                   QStringLiteral("A change as name=value, e.g. available=-2; "
                                                  "repeatable. Names: available, committed, "
                                                  "reserved, damaged, quality_control, "
                                                  "safety_stock, incoming."),
                                   QStringLiteral("name=value"));
    const QCommandLineOption reason(QStringLiteral("reason"),
                                    QStringLiteral("One of: ")
                                        + Core::movementReasonKeys().join(QStringLiteral(", ")),
                                    QStringLiteral("reason"),
                                    QStringLiteral("adjustment"));
    const QCommandLineOption source(QStringLiteral("source"),
                                    QStringLiteral("Source system."),
                                    QStringLiteral("source"),
                                    QStringLiteral("cli"));
    const QCommandLineOption reference(
        QStringLiteral("reference"),
        QStringLiteral(
            "Reference, unique within the source; a repeat is ignored. Defaults to a new id."),
        QStringLiteral("reference"));
    const QCommandLineOption actor(QStringLiteral("actor"),
                                   QStringLiteral("Who is posting."),
                                   QStringLiteral("actor"),
                                   userName());
    const QCommandLineOption note(QStringLiteral("note"),
                                  QStringLiteral("Free text kept with the posting."),
                                  QStringLiteral("text"));
    const QCommandLineOption overrideReason(
        QStringLiteral("override"),
        QStringLiteral("Allow available below zero, recording why."),
        QStringLiteral("why"));
    parser.addOptions(
        {sku, location, delta, reason, source, reference, actor, note, overrideReason});
    if (const int stop
        = context.parse(parser, arguments, QStringLiteral("Post one movement to the ledger."));
        stop >= 0) {
        return stop;
    }
    if (!parser.isSet(sku) || !parser.isSet(location) || !parser.isSet(delta)) {
        context.err() << "post needs --sku, --location and at least one --delta\n";
        return ExitUsage;
    }
    const auto reasonValue = Core::movementReasonFromKey(parser.value(reason));
    if (!reasonValue) {
        context.err() << "unknown reason \"" << parser.value(reason) << "\"\n";
        return ExitUsage;
    }
    Core::Quantities quantities;
    for (const QString &item : parser.values(delta)) {
        const auto parts = item.split(u'=');
        bool ok = false;
        const qint64 value = parts.size() == 2 ? parts[1].toLongLong(&ok) : 0;
        const auto name = parts.size() == 2 ? Core::quantityNameFromKey(parts[0]) : std::nullopt;
        if (!ok || !name || *name == Core::QuantityName::OnHand) {
            context.err() << "bad --delta \"" << item << "\": expected name=integer\n";
            return ExitUsage;
        }
        quantities.add(*name, value);
    }
    Core::Store *store = context.openStore();
    if (!store) {
        return ExitStorage;
    }
    Core::Catalog catalog(*store);
    const auto variant = catalog.variantBySku(parser.value(sku));
    const auto place = catalog.locationByCodeOrName(parser.value(location));
    if (!variant || !place) {
        context.err() << (variant ? place.error().message : variant.error().message) << '\n';
        return ExitStorage;
    }
    if (!variant.value() || !place.value()) {
        if (variant.value()) {
            context.err() << "unknown location \"" << parser.value(location) << "\"\n";
        } else {
            context.err() << "unknown SKU \"" << parser.value(sku) << "\"\n";
        }
        return ExitFailed;
    }
    Core::PostingRequest request;
    request.source = parser.value(source);
    request.reference = parser.isSet(reference)
                            ? parser.value(reference)
                            : QUuid::createUuid().toString(QUuid::WithoutBraces);
    request.reason = *reasonValue;
    request.actor = parser.value(actor);
    request.occurredAt = Core::nowUtcMillis();
    request.note = parser.value(note);
    if (parser.isSet(overrideReason)) {
        request.override = Core::StockOverride{parser.value(overrideReason)};
    }
    request.lines = {{variant.value()->id, place.value()->id, quantities}};
    const auto result = Core::Ledger(*store).post(request);
    if (!result) {
        context.err() << "not posted: " << result.error().message << '\n';
        return result.error().code == Core::ErrorCode::Storage ? ExitStorage : ExitFailed;
    }
    if (result.value().duplicate) {
        context.out() << "already posted as #" << result.value().postingId << "; nothing changed\n";
        return ExitOk;
    }
    const Core::Quantities after = result.value().balances.first().quantities;
    context.out() << "posted #" << result.value().postingId << ": " << parser.value(sku) << " @ "
                  << place.value()->code << " available " << after.available() << ", on_hand "
                  << after.onHand() << '\n';
    return ExitOk;
}

} // namespace Ledgerdesk::Cli
