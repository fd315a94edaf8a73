// ErpStandIn: inspection and persisted state, kept apart from the HTTP handling.
#include "erpstandin.h"

#include <QJsonArray>
#include <QLoggingCategory>

namespace Ledgerdesk::Sandbox {

namespace {

Q_LOGGING_CATEGORY(lcErpState, "ledgerdesk.sandbox.erp.state")

} // namespace

QJsonObject ErpStandIn::inspect() const
{
    QJsonObject records;
    for (const QString &type : ErpRecords::recordTypes()) {
        records.insert(type, m_records->records(type).size());
    }
    qint64 onHand = 0;
    qint64 committed = 0;
    for (const ErpItemLocation &row : m_records->itemLocations()) {
        onHand += row.onHand;
        committed += row.committed;
    }
    qint64 openInvoiceCents = 0;
    for (const QJsonObject &invoice : m_records->records(QStringLiteral("invoice"))) {
        openInvoiceCents
            += ErpRecords::toCents(invoice.value(QStringLiteral("amountRemaining")).toDouble());
    }
    QJsonArray keys;
    for (auto it = m_idempotency.cbegin(); it != m_idempotency.cend(); ++it) {
        keys.append(QJsonObject{{QStringLiteral("key"), it.key()},
                                {QStringLiteral("recordType"), it->type},
                                {QStringLiteral("id"), QString::number(it->id)},
                                {QStringLiteral("applications"), 1},
                                {QStringLiteral("presented"), it->presented}});
    }
    const Counters &c = m_counters;
    return {
        {QStringLiteral("system"), QStringLiteral("erp")},
        {QStringLiteral("realm"), m_credentials.realm},
        {QStringLiteral("seed"), qint64(m_seed)},
        {QStringLiteral("records"), records},
        {QStringLiteral("itemLocations"), m_records->itemLocations().size()},
        {QStringLiteral("quantityOnHand"), onHand},
        {QStringLiteral("quantityCommitted"), committed},
        {QStringLiteral("openInvoiceAmount"), ErpRecords::amount(openInvoiceCents)},
        {QStringLiteral("inFlight"), m_inFlight},
        {QStringLiteral("faults"), m_faults.toJson()},
        {QStringLiteral("counters"),
         QJsonObject{{QStringLiteral("requests"), c.requests},
                     {QStringLiteral("throttled429"), c.throttled},
                     {QStringLiteral("serverErrors"), c.serverErrors},
                     {QStringLiteral("unavailable"), c.unavailable},
                     {QStringLiteral("resets"), c.resets},
                     {QStringLiteral("unauthorized"), c.unauthorized},
                     {QStringLiteral("clientErrors"), c.clientErrors},
                     {QStringLiteral("created"), c.created},
                     {QStringLiteral("updated"), c.updated},
                     {QStringLiteral("idempotentCreates"), c.idempotentCreates},
                     {QStringLiteral("idempotentReplays"), c.idempotentReplays},
                     {QStringLiteral("peakInFlight"), c.peakInFlight}}},
        {QStringLiteral("idempotencyKeys"), keys},
    };
}

QJsonObject ErpStandIn::saveState() const
{
    QJsonArray keys;
    for (auto it = m_idempotency.cbegin(); it != m_idempotency.cend(); ++it) {
        keys.append(
            QJsonObject{{QStringLiteral("key"), it.key()},
                        {QStringLiteral("recordType"), it->type},
                        {QStringLiteral("id"), it->id},
                        {QStringLiteral("bodyHash"), QString::fromLatin1(it->bodyHash.toHex())},
                        {QStringLiteral("presented"), it->presented}});
    }
    return {{QStringLiteral("format"), QStringLiteral("ledgerdesk-sandbox-erp")},
            {QStringLiteral("version"), 1},
            {QStringLiteral("books"), m_records->toJson()},
            {QStringLiteral("idempotency"), keys}};
}

bool ErpStandIn::loadState(const QJsonObject &state)
{
    if (state.value(QStringLiteral("format")).toString() != u"ledgerdesk-sandbox-erp"
        || state.value(QStringLiteral("version")).toInt() != 1) {
        qCWarning(lcErpState) << "refusing ERP state of an unknown format";
        return false;
    }
    std::optional<ErpRecords> books
        = ErpRecords::fromJson(state.value(QStringLiteral("books")).toObject());
    if (!books) {
        qCWarning(lcErpState) << "refusing malformed ERP books";
        return false;
    }
    QMap<QString, IdempotentCreate> keys;
    for (const QJsonValue &value : state.value(QStringLiteral("idempotency")).toArray()) {
        const QJsonObject entry = value.toObject();
        const QString key = entry.value(QStringLiteral("key")).toString();
        const QString type
            = ErpRecords::canonicalType(entry.value(QStringLiteral("recordType")).toString());
        if (key.isEmpty() || type.isEmpty()) {
            return false;
        }
        keys.insert(
            key,
            {type,
             entry.value(QStringLiteral("id")).toInteger(),
             QByteArray::fromHex(entry.value(QStringLiteral("bodyHash")).toString().toLatin1()),
             entry.value(QStringLiteral("presented")).toInteger(1)});
    }
    m_records = std::make_unique<ErpRecords>(std::move(*books));
    m_idempotency = keys;
    return true;
}

} // namespace Ledgerdesk::Sandbox
