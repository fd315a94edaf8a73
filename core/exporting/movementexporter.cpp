#include "movementexporter.h"

#include <core/domain/timestamp.h>
#include <core/io/csvwriter.h>
#include <core/store/sql.h>
#include <core/store/store.h>

namespace Ledgerdesk::Core {

MovementExporter::MovementExporter(Store &store)
    : m_store(store)
{}

QStringList MovementExporter::header()
{
    return {QStringLiteral("Posting"),
            QStringLiteral("Occurred at"),
            QStringLiteral("Recorded at"),
            QStringLiteral("Source"),
            QStringLiteral("Reference"),
            QStringLiteral("Reason"),
            QStringLiteral("Actor"),
            QStringLiteral("SKU"),
            QStringLiteral("Location"),
            QStringLiteral("Available"),
            QStringLiteral("Committed"),
            QStringLiteral("Reserved"),
            QStringLiteral("Damaged"),
            QStringLiteral("Quality control"),
            QStringLiteral("Safety stock"),
            QStringLiteral("Incoming"),
            QStringLiteral("Note"),
            QStringLiteral("Override reason")};
}

Result<qint64> MovementExporter::write(QIODevice &device)
{
    auto q = runQuery(
        m_store.connection(),
        QStringLiteral("SELECT p.id, p.occurred_at, p.recorded_at, p.source, p.reference, "
                       "p.reason, p.actor, v.sku, l.code, m.d_available, m.d_committed, "
                       "m.d_reserved, m.d_damaged, m.d_quality_control, m.d_safety_stock, "
                       "m.d_incoming, p.note, p.override_reason FROM movements m JOIN postings p "
                       "ON p.id = m.posting_id JOIN variants v ON v.id = m.variant_id JOIN "
                       "locations l ON l.id = m.location_id ORDER BY m.id"));
    if (!q) {
        return q.error();
    }
    QSqlQuery &rows = q.value();
    CsvWriter writer(device);
    writer.writeRecord(header());
    while (rows.next()) {
        QStringList cells{rows.value(0).toString(),
                          formatIsoTimestamp(rows.value(1).toLongLong()),
                          formatIsoTimestamp(rows.value(2).toLongLong())};
        for (int i = 3; i < 18; ++i) {
            cells << rows.value(i).toString();
        }
        writer.writeRecord(cells);
    }
    if (const Status written = writer.status(); !written) {
        return written.error();
    }
    return writer.recordsWritten() - 1;
}

} // namespace Ledgerdesk::Core
