#include "pricebookrecords.h"

#include <core/pricing/paymentterms.h>
#include <core/pricing/quantityrule.h>
#include <core/store/sql.h>

#include <QSet>
#include <QSqlQuery>

namespace Ledgerdesk::Core {

namespace {

Result<bool> exists(QSqlDatabase db, const QString &table, const QString &id)
{
    auto q
        = runQuery(db, QStringLiteral("SELECT 1 FROM %1 WHERE external_id = ?").arg(table), {id});
    if (!q) {
        return q.error();
    }
    return q.value().next();
}

Status run(QSqlDatabase db, const QString &sql, std::initializer_list<QVariant> values)
{
    auto q = runQuery(db, sql, values);
    return q ? success() : Status(q.error());
}

} // namespace

Result<std::optional<PriceListRecord>> PriceBookRecords::loadPriceList(QSqlDatabase db,
                                                                       const QString &id)
{
    auto head
        = runQuery(db,
                   QStringLiteral("SELECT name, currency, adjustment_type, "
                                  "adjustment_percent FROM price_lists WHERE external_id = ?"),
                   {id});
    if (!head) {
        return head.error();
    }
    if (!head.value().next()) {
        return std::optional<PriceListRecord>();
    }
    PriceListRecord record;
    record.id = id;
    record.name = head.value().value(0).toString();
    record.currency = head.value().value(1).toString();
    record.adjustmentType = head.value().value(2).toString();
    record.adjustmentPercent = head.value().value(3).toString();
    auto prices = runQuery(db,
                           QStringLiteral("SELECT sku, price_minor FROM price_list_prices WHERE "
                                          "price_list_id = ? ORDER BY sku"),
                           {id});
    if (!prices) {
        return prices.error();
    }
    while (prices.value().next()) {
        record.prices << PriceListPriceRecord{
            prices.value().value(0).toString(),
            Money(prices.value().value(1).toLongLong(), record.currency)};
    }
    auto breaks = runQuery(db,
                           QStringLiteral("SELECT sku, minimum_quantity, price_minor FROM "
                                          "price_breaks WHERE price_list_id = ? ORDER BY sku, "
                                          "minimum_quantity"),
                           {id});
    if (!breaks) {
        return breaks.error();
    }
    while (breaks.value().next()) {
        record.breaks << PriceBreakRecord{
            breaks.value().value(0).toString(),
            breaks.value().value(1).toLongLong(),
            Money(breaks.value().value(2).toLongLong(), record.currency)};
    }
    auto rules = runQuery(db,
                          QStringLiteral("SELECT sku, minimum, maximum, increment FROM "
                                         "quantity_rules WHERE price_list_id = ? ORDER BY sku"),
                          {id});
    if (!rules) {
        return rules.error();
    }
    while (rules.value().next()) {
        record.rules << QuantityRuleRecord{rules.value().value(0).toString(),
                                           rules.value().value(1).toLongLong(),
                                           rules.value().value(2).toLongLong(),
                                           rules.value().value(3).toLongLong()};
    }
    return std::optional<PriceListRecord>(record);
}

Result<PriceList> PriceBookRecords::toPriceList(const PriceListRecord &record)
{
    if (record.id.isEmpty() || record.name.trimmed().isEmpty()
        || !Money::isCurrencyCode(record.currency)) {
        return makeError(ErrorCode::Validation,
                         tr("price list “%1” needs an id, a name and a currency").arg(record.name));
    }
    PriceAdjustment adjustment;
    if (!record.adjustmentType.isEmpty()) {
        auto parsed = PriceAdjustment::parse(record.adjustmentType, record.adjustmentPercent);
        if (!parsed) {
            return makeError(ErrorCode::Validation,
                             tr("price list “%1”: %2").arg(record.name, parsed.error().message));
        }
        adjustment = parsed.value();
    }
    PriceList list(record.name, record.currency, adjustment);
    for (const PriceListPriceRecord &price : record.prices) {
        if (const Status set = list.setFixedPrice(price.sku, price.price); !set) {
            return makeError(ErrorCode::Validation,
                             tr("price list “%1”: %2").arg(record.name, set.error().message));
        }
    }
    for (const PriceBreakRecord &b : record.breaks) {
        if (const Status added = list.addPriceBreak(b.sku, {b.minimumQuantity, b.price}); !added) {
            return makeError(ErrorCode::Validation,
                             tr("price list “%1”: %2").arg(record.name, added.error().message));
        }
    }
    for (const QuantityRuleRecord &r : record.rules) {
        auto rule = QuantityRule::make(r.minimum, r.maximum, r.increment);
        if (!rule) {
            return makeError(
                ErrorCode::Validation,
                tr("price list “%1”, %2: %3").arg(record.name, r.sku, rule.error().message));
        }
        list.setQuantityRule(r.sku, rule.value());
    }
    return list;
}

Status PriceBookRecords::validate(QSqlDatabase db, const B2BSnapshot &snapshot)
{
    QSet<QString> companies;
    for (const CompanyRecord &c : snapshot.companies) {
        if (c.id.isEmpty() || c.name.trimmed().isEmpty()) {
            return makeError(ErrorCode::Validation,
                             tr("company “%1” needs an id and a name").arg(c.name));
        }
        companies.insert(c.id);
    }
    QSet<QString> lists;
    for (const PriceListRecord &record : snapshot.priceLists) {
        if (auto list = toPriceList(record); !list) {
            return list.error();
        }
        lists.insert(record.id);
    }
    for (const CompanyLocationRecord &l : snapshot.locations) {
        if (l.id.isEmpty() || l.name.trimmed().isEmpty() || l.companyId.isEmpty()) {
            return makeError(
                ErrorCode::Validation,
                tr("company location “%1” needs an id, a name and its company").arg(l.name));
        }
        if (!l.currency.isEmpty() && !Money::isCurrencyCode(l.currency)) {
            return makeError(
                ErrorCode::Validation,
                tr("company location “%1” has an unknown currency “%2”").arg(l.name, l.currency));
        }
        if (!companies.contains(l.companyId)) {
            auto known = exists(db, QStringLiteral("companies"), l.companyId);
            if (!known) {
                return known.error();
            }
            if (!known.value()) {
                return makeError(ErrorCode::Validation,
                                 tr("company location “%1” belongs to unknown company %2")
                                     .arg(l.name, l.companyId));
            }
        }
        if (!l.priceListId.isEmpty() && !lists.contains(l.priceListId)) {
            auto known = exists(db, QStringLiteral("price_lists"), l.priceListId);
            if (!known) {
                return known.error();
            }
            if (!known.value()) {
                return makeError(ErrorCode::Validation,
                                 tr("company location “%1” uses unknown price list %2")
                                     .arg(l.name, l.priceListId));
            }
        }
        if (!l.paymentTermsType.isEmpty()) {
            if (auto terms
                = PaymentTerms::fromShopify(l.paymentTermsType, l.dueInDays, l.fixedDueDate);
                !terms) {
                return makeError(
                    ErrorCode::Validation,
                    tr("company location “%1”: %2").arg(l.name, terms.error().message));
            }
        }
    }
    return success();
}

Status PriceBookRecords::write(QSqlDatabase db, const B2BSnapshot &snapshot, qint64 now)
{
    for (const CompanyRecord &c : snapshot.companies) {
        if (const Status s = run(db,
                                 QStringLiteral("INSERT INTO companies (external_id, name, "
                                                "updated_at) VALUES (?, ?, ?) ON CONFLICT "
                                                "(external_id) DO UPDATE SET name = excluded.name, "
                                                "updated_at = excluded.updated_at"),
                                 {c.id, c.name, now});
            !s) {
            return s;
        }
    }
    for (const PriceListRecord &p : snapshot.priceLists) {
        const QString type = nonNull(p.adjustmentType);
        const QString percent = type.isEmpty() ? QStringLiteral("0") : p.adjustmentPercent;
        if (const Status s = run(db,
                                 QStringLiteral("INSERT INTO price_lists (external_id, name, "
                                                "currency, adjustment_type, adjustment_percent, "
                                                "updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT "
                                                "(external_id) DO UPDATE SET name = excluded.name, "
                                                "currency = excluded.currency, adjustment_type = "
                                                "excluded.adjustment_type, adjustment_percent = "
                                                "excluded.adjustment_percent, updated_at = "
                                                "excluded.updated_at"),
                                 {p.id, p.name, p.currency, type, percent, now});
            !s) {
            return s;
        }
        for (const QString &table : {QStringLiteral("price_list_prices"),
                                     QStringLiteral("price_breaks"),
                                     QStringLiteral("quantity_rules")}) {
            if (const Status s
                = run(db,
                      QStringLiteral("DELETE FROM %1 WHERE price_list_id = ?").arg(table),
                      {p.id});
                !s) {
                return s;
            }
        }
        for (const PriceListPriceRecord &price : p.prices) {
            if (const Status s = run(db,
                                     QStringLiteral("INSERT INTO price_list_prices (price_list_id, "
                                                    "sku, price_minor) VALUES (?, ?, ?) ON "
                                                    "CONFLICT (price_list_id, sku) DO UPDATE SET "
                                                    "price_minor = excluded.price_minor"),
                                     {p.id, price.sku, price.price.minorUnits()});
                !s) {
                return s;
            }
        }
        for (const PriceBreakRecord &b : p.breaks) {
            if (const Status s = run(db,
                                     QStringLiteral("INSERT INTO price_breaks (price_list_id, sku, "
                                                    "minimum_quantity, price_minor) VALUES (?, ?, "
                                                    "?, ?) ON CONFLICT (price_list_id, sku, "
                                                    "minimum_quantity) DO UPDATE SET price_minor "
                                                    "= excluded.price_minor"),
                                     {p.id, b.sku, b.minimumQuantity, b.price.minorUnits()});
                !s) {
                return s;
            }
        }
        for (const QuantityRuleRecord &r : p.rules) {
            if (const Status s = run(db,
                                     QStringLiteral("INSERT INTO quantity_rules (price_list_id, "
                                                    "sku, minimum, maximum, increment) VALUES (?, "
                                                    "?, ?, ?, ?) ON CONFLICT (price_list_id, sku) "
                                                    "DO UPDATE SET minimum = excluded.minimum, "
                                                    "maximum = excluded.maximum, increment = "
                                                    "excluded.increment"),
                                     {p.id, r.sku, r.minimum, r.maximum, r.increment});
                !s) {
                return s;
            }
        }
    }
    for (const CompanyLocationRecord &l : snapshot.locations) {
        const QVariant fixed = l.fixedDueDate.isValid()
                                   ? QVariant(l.fixedDueDate.toString(Qt::ISODate))
                                   : QVariant();
        const QVariant list = l.priceListId.isEmpty() ? QVariant() : QVariant(l.priceListId);
        if (const Status s = run(
                db,
                QStringLiteral("INSERT INTO company_locations (external_id, company_id, name, "
                               "currency, terms_type, terms_due_in_days, terms_fixed_date, "
                               "terms_name, price_list_id, updated_at) VALUES (?, ?, ?, ?, ?, ?, "
                               "?, ?, ?, ?) ON CONFLICT (external_id) DO UPDATE SET company_id = "
                               "excluded.company_id, name = excluded.name, currency = "
                               "excluded.currency, terms_type = excluded.terms_type, "
                               "terms_due_in_days = excluded.terms_due_in_days, terms_fixed_date = "
                               "excluded.terms_fixed_date, terms_name = excluded.terms_name, "
                               "price_list_id = excluded.price_list_id, updated_at = "
                               "excluded.updated_at"),
                {l.id,
                 l.companyId,
                 l.name,
                 nonNull(l.currency),
                 nonNull(l.paymentTermsType),
                 l.dueInDays,
                 fixed,
                 nonNull(l.paymentTermsName),
                 list,
                 now});
            !s) {
            return s;
        }
    }
    return success();
}

} // namespace Ledgerdesk::Core
