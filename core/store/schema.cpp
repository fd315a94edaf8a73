#include "schema.h"

#include <core/store/sql.h>

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSqlQuery>

#include <functional>
#include <vector>

namespace Ledgerdesk::Core {

Q_LOGGING_CATEGORY(lcSchema, "ledgerdesk.core.schema")

namespace {

// Version 1: master data and the append-only ledger with maintained balances.
QStringList version1(const Dialect &d)
{
    QStringList ddl = {
        QStringLiteral("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE styles (id ${ID}, handle TEXT NOT NULL UNIQUE, title TEXT NOT "
                       "NULL, vendor TEXT NOT NULL DEFAULT '', product_type TEXT NOT NULL DEFAULT "
                       "'', status TEXT NOT NULL DEFAULT 'active')"),
        QStringLiteral("CREATE TABLE variants (id ${ID}, style_id ${BIGINT} NOT NULL REFERENCES "
                       "styles(id), sku TEXT NOT NULL UNIQUE, barcode TEXT NOT NULL DEFAULT '', "
                       "option1_name TEXT NOT NULL DEFAULT '', option1_value TEXT NOT NULL DEFAULT "
                       "'', option2_name TEXT NOT NULL DEFAULT '', option2_value TEXT NOT NULL "
                       "DEFAULT '', option3_name TEXT NOT NULL DEFAULT '', option3_value TEXT NOT "
                       "NULL DEFAULT '', price_minor ${BIGINT}, currency TEXT NOT NULL DEFAULT "
                       "'USD', allow_oversell INTEGER NOT NULL DEFAULT 0)"),
        QStringLiteral("CREATE INDEX variants_style ON variants(style_id)"),
        QStringLiteral("CREATE TABLE locations (id ${ID}, code TEXT NOT NULL UNIQUE, name TEXT NOT "
                       "NULL UNIQUE, kind TEXT NOT NULL CHECK (kind IN ('warehouse', 'retail', "
                       "'3pl', 'trade_show')), active INTEGER NOT NULL DEFAULT 1)"),
        QStringLiteral("CREATE TABLE postings (id ${ID}, source TEXT NOT NULL, reference TEXT NOT "
                       "NULL, request_hash TEXT NOT NULL, reason TEXT NOT NULL, actor TEXT NOT "
                       "NULL, occurred_at ${BIGINT} NOT NULL, recorded_at ${BIGINT} NOT NULL, note "
                       "TEXT NOT NULL DEFAULT '', override_reason TEXT, UNIQUE (source, "
                       "reference))"),
        QStringLiteral("CREATE TABLE movements (id ${ID}, posting_id ${BIGINT} NOT NULL REFERENCES "
                       "postings(id), variant_id ${BIGINT} NOT NULL REFERENCES variants(id), "
                       "location_id ${BIGINT} NOT NULL REFERENCES locations(id), d_available "
                       "${BIGINT} NOT NULL, d_committed ${BIGINT} NOT NULL, d_reserved ${BIGINT} "
                       "NOT NULL, d_damaged ${BIGINT} NOT NULL, d_quality_control ${BIGINT} NOT "
                       "NULL, d_safety_stock ${BIGINT} NOT NULL, d_incoming ${BIGINT} NOT NULL)"),
        QStringLiteral("CREATE INDEX movements_key ON movements(variant_id, location_id, id)"),
        QStringLiteral("CREATE INDEX movements_posting ON movements(posting_id)"),
        QStringLiteral("CREATE TABLE balances (variant_id ${BIGINT} NOT NULL REFERENCES "
                       "variants(id), location_id ${BIGINT} NOT NULL REFERENCES locations(id), "
                       "available ${BIGINT} NOT NULL, committed ${BIGINT} NOT NULL, reserved "
                       "${BIGINT} NOT NULL, damaged ${BIGINT} NOT NULL, quality_control ${BIGINT} "
                       "NOT NULL, safety_stock ${BIGINT} NOT NULL, incoming ${BIGINT} NOT NULL, "
                       "on_hand ${BIGINT} NOT NULL, updated_at ${BIGINT} NOT NULL, PRIMARY KEY "
                       "(variant_id, location_id), CHECK (on_hand = available + committed + "
                       "reserved + damaged + quality_control + safety_stock))${WITHOUT_ROWID}"),
        QStringLiteral("CREATE INDEX balances_location ON balances(location_id)"),
    };
    ddl << d.appendOnlyGuards(QStringLiteral("postings"))
        << d.appendOnlyGuards(QStringLiteral("movements"));
    return ddl;
}

// Version 2: external id mapping, the audit log, and barcode lookups.
QStringList version2(const Dialect &d)
{
    QStringList ddl = {
        QStringLiteral("CREATE TABLE external_ids (system TEXT NOT NULL, entity TEXT NOT NULL, "
                       "local_id ${BIGINT} NOT NULL, external_id TEXT NOT NULL, PRIMARY KEY "
                       "(system, entity, external_id), UNIQUE (system, entity, local_id))"),
        QStringLiteral("CREATE TABLE audit_log (id ${ID}, at ${BIGINT} NOT NULL, actor TEXT NOT "
                       "NULL, action TEXT NOT NULL, target TEXT NOT NULL, detail TEXT NOT NULL "
                       "DEFAULT '')"),
        QStringLiteral("CREATE INDEX audit_log_at ON audit_log(at)"),
        QStringLiteral("CREATE INDEX variants_barcode ON variants(barcode)"),
    };
    ddl << d.appendOnlyGuards(QStringLiteral("audit_log"));
    return ddl;
}

// Version 3: the sync engine's ownership map, three-way base values, outbox, inbox and exceptions.
QStringList version3(const Dialect &d)
{
    QStringList ddl = {
        QStringLiteral("CREATE TABLE ownership (data_kind TEXT PRIMARY KEY, system TEXT NOT NULL)"),
        QStringLiteral("INSERT INTO ownership (data_kind, system) VALUES ('on_hand', 'wms'), "
                       "('product', 'erp'), ('price', 'erp'), ('company', 'shopify'), "
                       "('customer', 'shopify'), ('order', 'channel')"),
        QStringLiteral("CREATE TABLE sync_values (system TEXT NOT NULL, entity TEXT NOT NULL, "
                       "entity_key TEXT NOT NULL, base_value TEXT, external_value TEXT, "
                       "external_at ${BIGINT}, agreed_at ${BIGINT}, PRIMARY KEY (system, entity, "
                       "entity_key))"),
        QStringLiteral("CREATE TABLE outbox (id ${ID}, idempotency_key TEXT NOT NULL UNIQUE, "
                       "target TEXT NOT NULL, kind TEXT NOT NULL, entity_key TEXT NOT NULL, "
                       "payload TEXT NOT NULL, request_hash TEXT NOT NULL, posting_id ${BIGINT} "
                       "REFERENCES postings(id), status TEXT NOT NULL CHECK (status IN "
                       "('pending', 'in_flight', 'done', 'dead')), attempts INTEGER NOT NULL "
                       "DEFAULT 0, first_failure_at ${BIGINT}, next_attempt_at ${BIGINT} NOT NULL, "
                       "last_error TEXT NOT NULL DEFAULT '', response TEXT NOT NULL DEFAULT '', "
                       "created_at ${BIGINT} NOT NULL, completed_at ${BIGINT}, UNIQUE (posting_id, "
                       "target, kind))"),
        QStringLiteral("CREATE INDEX outbox_due ON outbox(target, status, next_attempt_at)"),
        QStringLiteral(
            "CREATE TABLE inbox (id ${ID}, system TEXT NOT NULL, event_id TEXT NOT NULL, "
            "topic TEXT NOT NULL, entity_key TEXT NOT NULL, source_at ${BIGINT} NOT "
            "NULL, received_at ${BIGINT} NOT NULL, applied_at ${BIGINT}, outcome TEXT "
            "NOT NULL DEFAULT '', payload TEXT NOT NULL, UNIQUE (system, event_id))"),
        QStringLiteral("CREATE INDEX inbox_entity ON inbox(system, entity_key, source_at)"),
        QStringLiteral(
            "CREATE TABLE sync_exceptions (id ${ID}, kind TEXT NOT NULL, system TEXT NOT "
            "NULL, entity TEXT NOT NULL, entity_key TEXT NOT NULL, base_value TEXT, "
            "ledger_value TEXT, external_value TEXT, error_text TEXT NOT NULL DEFAULT "
            "'', attempts INTEGER NOT NULL DEFAULT 0, state TEXT NOT NULL CHECK (state "
            "IN ('open', 'acknowledged', 'resolved', 'ignored')), assignee TEXT NOT NULL "
            "DEFAULT '', outbox_id ${BIGINT} REFERENCES outbox(id), created_at "
            "${BIGINT} NOT NULL, updated_at ${BIGINT} NOT NULL, resolved_at ${BIGINT}, "
            "resolution TEXT NOT NULL DEFAULT '')"),
        QStringLiteral("CREATE INDEX sync_exceptions_state ON sync_exceptions(state, created_at)"),
        QStringLiteral("CREATE TABLE exception_history (id ${ID}, exception_id ${BIGINT} NOT NULL "
                       "REFERENCES sync_exceptions(id), at ${BIGINT} NOT NULL, actor TEXT NOT "
                       "NULL, action TEXT NOT NULL, detail TEXT NOT NULL DEFAULT '')"),
        QStringLiteral("CREATE INDEX exception_history_of ON exception_history(exception_id, id)"),
    };
    ddl << d.appendOnlyGuards(QStringLiteral("exception_history"));
    return ddl;
}

// Version 4: one order queue for every channel, allocations per line and location, the audited
// history of every transition, and each channel's preferred locations.
QStringList version4(const Dialect &d)
{
    QStringList ddl = {
        QStringLiteral("CREATE TABLE orders (id ${ID}, channel TEXT NOT NULL, external_ref TEXT "
                       "NOT NULL, name TEXT NOT NULL, company TEXT NOT NULL DEFAULT '', "
                       "company_location TEXT NOT NULL DEFAULT '', po_number TEXT NOT NULL "
                       "DEFAULT '', currency TEXT NOT NULL, payment_terms TEXT NOT NULL DEFAULT "
                       "'', issued_at ${BIGINT} NOT NULL, due_date TEXT, state TEXT NOT NULL, "
                       "content_hash TEXT NOT NULL, created_at ${BIGINT} NOT NULL, updated_at "
                       "${BIGINT} NOT NULL, UNIQUE (channel, external_ref))"),
        QStringLiteral("CREATE INDEX orders_state ON orders(state, issued_at)"),
        QStringLiteral("CREATE TABLE order_lines (id ${ID}, order_id ${BIGINT} NOT NULL "
                       "REFERENCES orders(id), line_no INTEGER NOT NULL, variant_id ${BIGINT} NOT "
                       "NULL REFERENCES variants(id), quantity ${BIGINT} NOT NULL CHECK (quantity "
                       "> 0), unit_price_minor ${BIGINT} NOT NULL, UNIQUE (order_id, line_no))"),
        QStringLiteral("CREATE TABLE order_allocations (order_line_id ${BIGINT} NOT NULL "
                       "REFERENCES order_lines(id), location_id ${BIGINT} NOT NULL REFERENCES "
                       "locations(id), quantity ${BIGINT} NOT NULL CHECK (quantity > 0), "
                       "PRIMARY KEY (order_line_id, location_id))"),
        QStringLiteral("CREATE TABLE order_events (id ${ID}, order_id ${BIGINT} NOT NULL "
                       "REFERENCES orders(id), at ${BIGINT} NOT NULL, actor TEXT NOT NULL, "
                       "from_state TEXT, to_state TEXT NOT NULL, detail TEXT NOT NULL DEFAULT "
                       "'')"),
        QStringLiteral("CREATE INDEX order_events_of ON order_events(order_id, id)"),
        QStringLiteral("CREATE TABLE channel_locations (channel TEXT NOT NULL, location_id "
                       "${BIGINT} NOT NULL REFERENCES locations(id), rank INTEGER NOT NULL, "
                       "PRIMARY KEY (channel, location_id))"),
    };
    ddl << d.appendOnlyGuards(QStringLiteral("order_events"));
    return ddl;
}

// Version 5: indexes that let the availability table open, sort and scroll a million balances
// by walking an index instead of sorting the whole table.
QStringList version5(const Dialect &)
{
    return {
        QStringLiteral("CREATE INDEX variants_style_sku ON variants(style_id, sku)"),
        QStringLiteral("CREATE INDEX variants_option1 ON variants(option1_value, sku)"),
        QStringLiteral("CREATE INDEX variants_option2 ON variants(option2_value, sku)"),
        QStringLiteral(
            "CREATE INDEX balances_available ON balances(available, variant_id, location_id)"),
        QStringLiteral(
            "CREATE INDEX balances_committed ON balances(committed, variant_id, location_id)"),
        QStringLiteral(
            "CREATE INDEX balances_on_hand ON balances(on_hand, variant_id, location_id)"),
        QStringLiteral(
            "CREATE INDEX balances_incoming ON balances(incoming, variant_id, location_id)"),
        // The newest change, shown as the data's age, without reading every balance.
        QStringLiteral("CREATE INDEX balances_updated ON balances(updated_at)"),
    };
}

// Version 6: B2B buyers, their price lists and dated exchange rates. Money in minor units,
// percentages and rates as exact decimal text.
QStringList version6(const Dialect &)
{
    return {
        QStringLiteral("CREATE TABLE companies (external_id TEXT PRIMARY KEY, name TEXT NOT NULL, "
                       "updated_at ${BIGINT} NOT NULL)"),
        QStringLiteral("CREATE TABLE price_lists (external_id TEXT PRIMARY KEY, name TEXT NOT "
                       "NULL, currency TEXT NOT NULL, adjustment_type TEXT NOT NULL DEFAULT '', "
                       "adjustment_percent TEXT NOT NULL DEFAULT '0', updated_at ${BIGINT} NOT "
                       "NULL)"),
        QStringLiteral("CREATE TABLE company_locations (external_id TEXT PRIMARY KEY, company_id "
                       "TEXT NOT NULL REFERENCES companies(external_id), name TEXT NOT NULL, "
                       "currency TEXT NOT NULL DEFAULT '', terms_type TEXT NOT NULL DEFAULT '', "
                       "terms_due_in_days INTEGER NOT NULL DEFAULT 0, terms_fixed_date TEXT, "
                       "terms_name TEXT NOT NULL DEFAULT '', price_list_id TEXT REFERENCES "
                       "price_lists(external_id), updated_at ${BIGINT} NOT NULL)"),
        QStringLiteral("CREATE INDEX company_locations_company ON company_locations(company_id)"),
        QStringLiteral("CREATE TABLE price_list_prices (price_list_id TEXT NOT NULL REFERENCES "
                       "price_lists(external_id), sku TEXT NOT NULL, price_minor ${BIGINT} NOT "
                       "NULL, PRIMARY KEY (price_list_id, sku))"),
        QStringLiteral("CREATE TABLE price_breaks (price_list_id TEXT NOT NULL REFERENCES "
                       "price_lists(external_id), sku TEXT NOT NULL, minimum_quantity ${BIGINT} "
                       "NOT NULL, price_minor ${BIGINT} NOT NULL, PRIMARY KEY (price_list_id, "
                       "sku, minimum_quantity))"),
        QStringLiteral("CREATE TABLE quantity_rules (price_list_id TEXT NOT NULL REFERENCES "
                       "price_lists(external_id), sku TEXT NOT NULL, minimum ${BIGINT} NOT NULL, "
                       "maximum ${BIGINT} NOT NULL, increment ${BIGINT} NOT NULL, PRIMARY KEY "
                       "(price_list_id, sku))"),
        QStringLiteral("CREATE TABLE exchange_rates (from_currency TEXT NOT NULL, to_currency "
                       "TEXT NOT NULL, effective TEXT NOT NULL, rate TEXT NOT NULL, actor TEXT NOT "
                       "NULL, recorded_at ${BIGINT} NOT NULL, PRIMARY KEY (from_currency, "
                       "to_currency, effective))"),
    };
}

using Step = std::function<QStringList(const Dialect &)>;

const std::vector<Step> &steps()
{
    static const std::vector<Step> all
        = {version1, version2, version3, version4, version5, version6};
    return all;
}

} // namespace

int latestSchemaVersion()
{
    return static_cast<int>(steps().size());
}

Result<int> schemaVersion(QSqlDatabase db)
{
    if (!db.tables().contains(QStringLiteral("meta"))) {
        return 0;
    }
    auto query
        = runQuery(db, QStringLiteral("SELECT value FROM meta WHERE key = 'schema_version'"));
    if (!query) {
        return query.error();
    }
    return query.value().next() ? query.value().value(0).toInt() : 0;
}

Status migrate(QSqlDatabase db, const Dialect &dialect, int target)
{
    const Result<int> current = schemaVersion(db);
    if (!current) {
        return current.error();
    }
    if (current.value() > latestSchemaVersion()) {
        return makeError(ErrorCode::Storage,
                         QCoreApplication::translate("Ledgerdesk::Core::Schema",
                                                     "the ledger has schema version %1, newer than "
                                                     "this program understands (%2)")
                             .arg(current.value())
                             .arg(latestSchemaVersion()));
    }
    for (int version = current.value() + 1; version <= target; ++version) {
        WriteTransaction tx(db, dialect);
        if (!tx.begun()) {
            return tx.begun();
        }
        QStringList ddl;
        for (const QString &statement : steps()[static_cast<std::size_t>(version - 1)](dialect)) {
            ddl << dialect.expand(statement);
        }
        ddl << QStringLiteral("DELETE FROM meta WHERE key = 'schema_version'")
            << QStringLiteral("INSERT INTO meta (key, value) VALUES ('schema_version', '%1')")
                   .arg(version);
        if (const Status applied = execAll(db, ddl); !applied) {
            return applied;
        }
        if (const Status committed = tx.commit(); !committed) {
            return committed;
        }
        qCInfo(lcSchema) << "migrated ledger schema to version" << version;
    }
    return success();
}

} // namespace Ledgerdesk::Core
