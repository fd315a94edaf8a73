#include "idempotencystore.h"

namespace Ledgerdesk::Sandbox {

IdempotencyStore::Outcome
IdempotencyStore::check(const QString &key, const QString &mutation, const QByteArray &input)
{
    const auto it = m_records.find(key);
    if (it == m_records.end()) {
        return Outcome::New;
    }
    if (it->mutation != mutation || it->input != input) {
        ++it->mismatches;
        return Outcome::Mismatch;
    }
    ++it->replays;
    return Outcome::Replay;
}

const IdempotencyStore::Record *IdempotencyStore::find(const QString &key) const
{
    const auto it = m_records.constFind(key);
    return it == m_records.constEnd() ? nullptr : &*it;
}

void IdempotencyStore::remember(Record record)
{
    if (!m_records.contains(record.key)) {
        m_order << record.key;
    }
    m_records.insert(record.key, std::move(record));
}

QJsonObject IdempotencyStore::recordJson(const Record &r) const
{
    return {{QStringLiteral("key"), r.key},
            {QStringLiteral("mutation"), r.mutation},
            {QStringLiteral("input"), QString::fromUtf8(r.input)},
            {QStringLiteral("payload"), r.payload},
            {QStringLiteral("applied"), QJsonValue(r.applied)},
            {QStringLiteral("replays"), QJsonValue(r.replays)},
            {QStringLiteral("mismatches"), QJsonValue(r.mismatches)},
            {QStringLiteral("firstSeen"), QJsonValue(r.firstSeen)}};
}

QJsonArray IdempotencyStore::toJson() const
{
    QJsonArray out;
    for (const QString &key : m_order) {
        out.append(recordJson(m_records.value(key)));
    }
    return out;
}

void IdempotencyStore::load(const QJsonArray &records)
{
    m_records.clear();
    m_order.clear();
    for (const QJsonValue &v : records) {
        const QJsonObject o = v.toObject();
        Record r;
        r.key = o.value(QStringLiteral("key")).toString();
        r.mutation = o.value(QStringLiteral("mutation")).toString();
        r.input = o.value(QStringLiteral("input")).toString().toUtf8();
        r.payload = o.value(QStringLiteral("payload")).toObject();
        r.applied = o.value(QStringLiteral("applied")).toInteger();
        r.replays = o.value(QStringLiteral("replays")).toInteger();
        r.mismatches = o.value(QStringLiteral("mismatches")).toInteger();
        r.firstSeen = o.value(QStringLiteral("firstSeen")).toInteger();
        if (!r.key.isEmpty()) {
            remember(r);
        }
    }
}

} // namespace Ledgerdesk::Sandbox
