#include "inventoryimporter.h"

#include <core/catalog/catalog.h>
#include <core/importing/csvinput.h>
#include <core/ledger/ledger.h>
#include <core/ledger/postingwriter.h>
#include <core/store/sql.h>
#include <core/store/store.h>

#include <QFileInfo>
#include <QHash>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSet>

namespace Ledgerdesk::Core {

Q_LOGGING_CATEGORY(lcInventoryImport, "ledgerdesk.core.importing.inventory")

namespace {

struct PendingCount
{
    qint64 line = 0;
    VariantId variant = 0;
    LocationId location = 0; // negative: a location this import creates
    qint64 onHand = 0;
    qint64 delta = 0;
    QString reference;
};

// "East Coast Warehouse" -> "EAST-COAST-WAREHOUSE", made unique against `taken`.
QString codeFromName(const QString &name, const QSet<QString> &taken)
{
    static const QRegularExpression nonWord(QStringLiteral("[^A-Z0-9]+"));
    QString base = name.toUpper().replace(nonWord, QStringLiteral("-")).left(32);
    while (base.startsWith(u'-')) {
        base.remove(0, 1);
    }
    while (base.endsWith(u'-')) {
        base.chop(1);
    }
    if (base.isEmpty()) {
        base = QStringLiteral("LOC");
    }
    QString code = base;
    for (int n = 2; taken.contains(code); ++n) {
        code = base + u'-' + QString::number(n);
    }
    return code;
}

Result<QSet<QString>> postedReferences(Store &store, const QString &source, const QString &prefix)
{
    // A range on the unique (source, reference) index: every reference starting with `prefix`.
    auto q = runQuery(store.connection(),
                      QStringLiteral("SELECT reference FROM postings WHERE source = ? AND "
                                     "reference >= ? AND reference < ?"),
                      {source, QString(prefix + u':'), QString(prefix + u';')});
    if (!q) {
        return q.error();
    }
    QSet<QString> references;
    while (q.value().next()) {
        references.insert(q.value().value(0).toString());
    }
    return references;
}

Result<QSet<QString>> locationCodes(Catalog &catalog)
{
    auto all = catalog.locations();
    if (!all) {
        return all.error();
    }
    QSet<QString> codes;
    for (const Location &l : all.value()) {
        codes.insert(l.code);
    }
    return codes;
}

} // namespace

InventoryImporter::InventoryImporter(Store &store)
    : m_store(store)
{}

Result<ImportReport> InventoryImporter::importFile(const QString &path,
                                                   const ImportOptions &options)
{
    return CsvInput::withFile(
        path, [&](QIODevice &device) { return importDevice(device, path, options); });
}

Result<ImportReport> InventoryImporter::importDevice(QIODevice &device,
                                                     const QString &fileName,
                                                     const ImportOptions &options)
{
    ImportReport report;
    report.dryRun = options.dryRun;
    const auto input = CsvInput::read(device, fileName, report);
    if (!input) {
        return report;
    }
    const int skuColumn = input->column({"SKU", "Variant SKU"});
    const int locationColumn = input->column({"Location"});
    const int onHandColumn = input->column({"On hand (new)"});
    if (!input->requireColumns({{skuColumn, QStringLiteral("SKU")},
                                {locationColumn, QStringLiteral("Location")},
                                {onHandColumn, QStringLiteral("On hand (new)")}},
                               report)) {
        return report;
    }
    const QString onHandLabel = input->header().value(onHandColumn);
    const QString skuLabel = input->header().value(skuColumn);
    const QString locationLabel = input->header().value(locationColumn);
    // Validate and apply in one write transaction so balances cannot move in between.
    WriteTransaction tx(m_store.connection(), m_store.dialect());
    if (!tx.begun()) {
        return tx.begun().error();
    }
    Catalog catalog(m_store);
    Ledger ledger(m_store);
    const QString source = QStringLiteral("csv:") + QFileInfo(fileName).fileName();
    const QString hash = QString::fromLatin1(input->sha1());
    const auto alreadyPosted = postedReferences(m_store, source, hash);
    auto takenCodes = locationCodes(catalog);
    if (!alreadyPosted || !takenCodes) {
        return alreadyPosted ? takenCodes.error() : alreadyPosted.error();
    }
    static const QRegularExpression integer(QStringLiteral("^[+-]?[0-9]+$"));
    static const QRegularExpression decimal(QStringLiteral("^[+-]?[0-9]*[.,][0-9]+$"));
    QHash<QString, VariantId> variants;
    QHash<QString, LocationId> locations;
    QList<Location> newLocations;
    QHash<QPair<VariantId, LocationId>, Quantities> balances;
    QList<PendingCount> counts;
    const qint64 total = input->rows().size();
    qint64 done = 0;
    for (const CsvRecord &row : input->rows()) {
        ++done;
        if (options.progress && !options.progress(done, total * 2)) {
            return makeError(ErrorCode::Validation, tr("cancelled; nothing was imported"));
        }
        const QString sku = CsvInput::cell(row, skuColumn);
        const QString locationName = CsvInput::cell(row, locationColumn);
        const QString value = CsvInput::cell(row, onHandColumn);
        if (value.isEmpty()
            || value.compare(QLatin1String("not stocked"), Qt::CaseInsensitive) == 0) {
            ++report.rowsUnchanged; // Shopify leaves these cells alone too
            continue;
        }
        QList<ImportIssue> issues;
        bool ok = integer.match(value).hasMatch();
        const qint64 onHand = ok ? value.toLongLong(&ok) : 0;
        if (!ok || std::llabs(onHand) > kMaxAbsoluteQuantity) {
            issues << input->issue(
                row.line,
                onHandLabel,
                decimal.match(value).hasMatch()
                    ? tr("\"%1\" is not a whole number; quantities have no decimals").arg(value)
                    : tr("\"%1\" is not a quantity").arg(value));
        }
        VariantId variant = variants.value(sku, 0);
        if (sku.isEmpty()) {
            issues << input->issue(row.line, skuLabel, tr("the SKU is empty"));
        } else if (variant == 0) {
            const auto found = catalog.variantBySku(sku);
            if (!found) {
                return found.error();
            }
            if (!found.value()) {
                issues << input->issue(
                    row.line,
                    skuLabel,
                    tr("unknown SKU \"%1\"; import the products first").arg(sku));
            } else {
                variant = found.value()->id;
                variants.insert(sku, variant);
            }
        }
        LocationId location = locations.value(locationName, 0);
        if (locationName.isEmpty()) {
            issues << input->issue(row.line, locationLabel, tr("the location is empty"));
        } else if (location == 0) {
            const auto found = catalog.locationByCodeOrName(locationName);
            if (!found) {
                return found.error();
            }
            if (found.value()) {
                location = found.value()->id;
            } else if (options.createLocations) {
                Location created;
                created.code = codeFromName(locationName, takenCodes.value());
                created.name = locationName;
                takenCodes.value().insert(created.code);
                newLocations << created;
                location = -newLocations.size();
            } else {
                issues << input->issue(
                    row.line,
                    locationLabel,
                    tr("unknown location \"%1\"; import the locations first or allow creating them")
                        .arg(locationName));
            }
            if (location != 0) {
                locations.insert(locationName, location);
            }
        }
        const QString reference = hash + u':' + QString::number(row.line);
        if (issues.isEmpty() && alreadyPosted.value().contains(reference)) {
            ++report.rowsAlreadyImported;
            continue;
        }
        if (issues.isEmpty()) {
            const QPair<VariantId, LocationId> key(variant, location);
            if (!balances.contains(key)) {
                Quantities current;
                if (location > 0) {
                    const auto stored = ledger.balance(variant, location);
                    if (!stored) {
                        return stored.error();
                    }
                    current = stored.value();
                }
                balances.insert(key, current);
            }
            Quantities &current = balances[key];
            const qint64 delta = onHand - current.onHand();
            if (current.available() + delta < 0) {
                issues << input->issue(
                    row.line,
                    onHandLabel,
                    tr("on hand %1 would leave available at %2: %3 of the %4 on hand are "
                       "committed or otherwise unavailable")
                        .arg(onHand)
                        .arg(current.available() + delta)
                        .arg(current.onHand() - current.available())
                        .arg(current.onHand()));
            } else if (delta == 0) {
                ++report.rowsUnchanged;
            } else {
                current.add(QuantityName::Available, delta);
                counts << PendingCount{row.line, variant, location, onHand, delta, reference};
                ++report.rowsApplied;
            }
        }
        if (!issues.isEmpty()) {
            report.issues << issues;
            ++report.rowsSkipped;
        }
    }
    if ((report.hasIssues() && !options.applyValidRows) || options.dryRun) {
        if (options.dryRun) {
            report.locationsCreated = newLocations.size();
            report.postings = counts.size();
        } else {
            report.rowsApplied = 0;
        }
        return report; // the transaction rolls back
    }
    QList<LocationId> createdIds;
    for (const Location &l : std::as_const(newLocations)) {
        const auto id = catalog.saveLocation(l);
        if (!id) {
            return id.error();
        }
        createdIds << id.value();
    }
    report.locationsCreated = newLocations.size();
    PostingWriter writer(m_store.connection(), &m_store);
    if (const Status prepared = writer.prepare(); !prepared) {
        return prepared.error();
    }
    const UtcMillis now = nowUtcMillis();
    for (const PendingCount &count : std::as_const(counts)) {
        PostingRequest request;
        request.source = source;
        request.reference = count.reference;
        request.reason = MovementReason::Count;
        request.actor = options.actor;
        request.occurredAt = now;
        request.note = tr("on hand set to %1 (line %2)").arg(count.onHand).arg(count.line);
        const LocationId location
            = count.location > 0 ? count.location : createdIds.value(-count.location - 1);
        MovementLine line{count.variant, location, {}};
        line.delta.set(QuantityName::Available, count.delta);
        request.lines = {line};
        const auto posted = writer.write(request, now);
        if (!posted) {
            return makeError(
                posted.error().code,
                tr("%1:%2: %3").arg(fileName).arg(count.line).arg(posted.error().message));
        }
        ++report.postings;
        ++done;
        if (options.progress && done % 1024 == 0 && !options.progress(done, total * 2)) {
            return makeError(ErrorCode::Validation, tr("cancelled; nothing was imported"));
        }
    }
    if (const Status committed = tx.commit(); !committed) {
        return committed.error();
    }
    if (options.progress) {
        options.progress(total * 2, total * 2);
    }
    report.written = true;
    qCInfo(lcInventoryImport) << "applied" << report.postings << "counts from" << fileName;
    return report;
}

} // namespace Ledgerdesk::Core
