#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace Ledgerdesk::Sandbox {

// What `@idempotent(key:)` remembers: the input a key was first used with and the payload
// it produced, plus counters the inspection endpoint reports.
class IdempotencyStore final
{
public:
    struct Record
    {
        QString key;
        QString mutation;
        QByteArray input; // canonical JSON of the field's resolved arguments
        QJsonObject payload;
        qint64 applied = 0; // times the mutation changed state under this key (0 or 1)
        qint64 replays = 0; // times the stored payload was returned again
        qint64 mismatches = 0;
        qint64 firstSeen = 0;
    };

    enum class Outcome { New, Replay, Mismatch };

    Outcome check(const QString &key, const QString &mutation, const QByteArray &input);
    const Record *find(const QString &key) const;
    void remember(Record record);

    QJsonArray toJson() const;
    QJsonObject recordJson(const Record &record) const;
    void load(const QJsonArray &records);

    int size() const { return int(m_records.size()); }

private:
    QHash<QString, Record> m_records;
    QStringList m_order;
};

} // namespace Ledgerdesk::Sandbox
