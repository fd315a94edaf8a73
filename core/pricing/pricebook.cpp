#include "pricebook.h"

#include <core/catalog/catalog.h>
#include <core/domain/timestamp.h>
#include <core/pricing/pricebookrecords.h>
#include <core/pricing/pricingengine.h>
#include <core/store/sql.h>
#include <core/store/store.h>

#include <QSet>
#include <QSqlQuery>

namespace Ledgerdesk::Core {

namespace {

const QString kLocationSelect = QStringLiteral(
    "SELECT l.external_id, l.company_id, c.name, l.name, l.currency, l.terms_name, l.terms_type, "
    "l.terms_due_in_days, l.terms_fixed_date, COALESCE(p.name, ''), COALESCE(p.external_id, '') "
    "FROM company_locations l JOIN "
    "companies c ON c.external_id = l.company_id LEFT JOIN price_lists p ON p.external_id = "
    "l.price_list_id");

CompanyLocationInfo locationFromRow(const QSqlQuery &q)
{
    CompanyLocationInfo info;
    info.id = q.value(0).toString();
    info.companyId = q.value(1).toString();
    info.companyName = q.value(2).toString();
    info.name = q.value(3).toString();
    info.currency = q.value(4).toString();
    info.paymentTermsName = q.value(5).toString();
    const QString type = q.value(6).toString();
    if (!type.isEmpty()) {
        // Stored terms were validated on save; a failure here leaves "on receipt".
        if (auto terms = PaymentTerms::fromShopify(
                type, q.value(7).toInt(), QDate::fromString(q.value(8).toString(), Qt::ISODate))) {
            info.terms = terms.value();
        }
    }
    info.priceListName = q.value(9).toString();
    info.priceListId = q.value(10).toString();
    return info;
}

} // namespace

PriceBook::PriceBook(Store &store)
    : m_store(store)
{}

Result<QList<CompanyLocationInfo>> PriceBook::companyLocations()
{
    auto q = runQuery(m_store.connection(),
                      kLocationSelect + QStringLiteral(" ORDER BY c.name, l.name"));
    if (!q) {
        return q.error();
    }
    QList<CompanyLocationInfo> out;
    while (q.value().next()) {
        out << locationFromRow(q.value());
    }
    return out;
}

Result<std::optional<CompanyLocationInfo>> PriceBook::companyLocation(const QString &id)
{
    auto q = runQuery(
        m_store.connection(), kLocationSelect + QStringLiteral(" WHERE l.external_id = ?"), {id});
    if (!q) {
        return q.error();
    }
    if (!q.value().next()) {
        return std::optional<CompanyLocationInfo>();
    }
    return std::optional<CompanyLocationInfo>(locationFromRow(q.value()));
}

Result<std::optional<PriceList>> PriceBook::priceListFor(const QString &companyLocationId)
{
    auto q = runQuery(m_store.connection(),
                      QStringLiteral("SELECT price_list_id FROM company_locations WHERE "
                                     "external_id = ? AND price_list_id IS NOT NULL"),
                      {companyLocationId});
    if (!q) {
        return q.error();
    }
    if (!q.value().next()) {
        return std::optional<PriceList>();
    }
    auto record
        = PriceBookRecords::loadPriceList(m_store.connection(), q.value().value(0).toString());
    if (!record) {
        return record.error();
    }
    if (!record.value()) {
        return std::optional<PriceList>();
    }
    auto list = PriceBookRecords::toPriceList(*record.value());
    if (!list) {
        return list.error();
    }
    return std::optional<PriceList>(std::move(list).value());
}

Result<ExchangeRates> PriceBook::exchangeRates()
{
    auto q = runQuery(m_store.connection(),
                      QStringLiteral("SELECT from_currency, to_currency, effective, rate FROM "
                                     "exchange_rates ORDER BY from_currency, to_currency, "
                                     "effective"));
    if (!q) {
        return q.error();
    }
    ExchangeRates rates;
    while (q.value().next()) {
        const Status added
            = rates.add(q.value().value(0).toString(),
                        q.value().value(1).toString(),
                        QDate::fromString(q.value().value(2).toString(), Qt::ISODate),
                        q.value().value(3).toString());
        if (!added) {
            return added.error();
        }
    }
    return rates;
}

Status PriceBook::setExchangeRate(const QString &from,
                                  const QString &to,
                                  QDate effective,
                                  const QString &rate,
                                  const QString &actor)
{
    // ExchangeRates validates exactly what it will later read back.
    ExchangeRates check;
    if (const Status valid = check.add(from, to, effective, rate); !valid) {
        return valid;
    }
    if (actor.trimmed().isEmpty()) {
        return makeError(ErrorCode::Validation, tr("an exchange rate needs who set it"));
    }
    const QString text = check.rateOn(from, to, effective)->rateText();
    auto q = runQuery(m_store.connection(),
                      QStringLiteral("INSERT INTO exchange_rates (from_currency, to_currency, "
                                     "effective, rate, actor, recorded_at) VALUES (?, ?, ?, ?, ?, "
                                     "?) ON CONFLICT (from_currency, to_currency, effective) DO "
                                     "UPDATE SET rate = excluded.rate, actor = excluded.actor, "
                                     "recorded_at = excluded.recorded_at"),
                      {from, to, effective.toString(Qt::ISODate), text, actor, nowUtcMillis()});
    if (!q) {
        return q.error();
    }
    return success();
}

Result<Quote>
PriceBook::quote(const QString &companyLocationId, const QString &sku, qint64 quantity, QDate day)
{
    auto variant = Catalog(m_store).variantBySku(sku);
    if (!variant) {
        return variant.error();
    }
    if (!variant.value()) {
        return makeError(ErrorCode::NotFound, tr("no variant with SKU %1").arg(sku));
    }
    if (!variant.value()->price) {
        return makeError(ErrorCode::Validation, tr("%1 has no price in the catalogue").arg(sku));
    }
    std::optional<PriceList> list;
    if (!companyLocationId.isEmpty()) {
        auto location = companyLocation(companyLocationId);
        if (!location) {
            return location.error();
        }
        if (!location.value()) {
            return makeError(ErrorCode::NotFound,
                             tr("no company location %1").arg(companyLocationId));
        }
        auto found = priceListFor(companyLocationId);
        if (!found) {
            return found.error();
        }
        list = std::move(found).value();
    }
    auto rates = exchangeRates();
    if (!rates) {
        return rates.error();
    }
    const PricingEngine engine(rates.value());
    return engine.quote(QuoteRequest{sku, quantity, *variant.value()->price, day},
                        list ? &*list : nullptr);
}

Status PriceBook::save(const B2BSnapshot &snapshot)
{
    QSqlDatabase db = m_store.connection();
    WriteTransaction tx(db, m_store.dialect());
    if (!tx.begun()) {
        return tx.begun();
    }
    if (const Status valid = PriceBookRecords::validate(db, snapshot); !valid) {
        return valid;
    }
    if (const Status written = PriceBookRecords::write(db, snapshot, nowUtcMillis()); !written) {
        return written;
    }
    return tx.commit();
}

Result<std::optional<PriceListRecord>> PriceBook::priceListRecord(const QString &priceListId)
{
    return PriceBookRecords::loadPriceList(m_store.connection(), priceListId);
}

Result<QList<CompanyRecord>> PriceBook::companies()
{
    auto q = runQuery(m_store.connection(),
                      QStringLiteral("SELECT external_id, name FROM companies ORDER BY name"));
    if (!q) {
        return q.error();
    }
    QList<CompanyRecord> out;
    while (q.value().next()) {
        out << CompanyRecord{q.value().value(0).toString(), q.value().value(1).toString()};
    }
    return out;
}

} // namespace Ledgerdesk::Core
