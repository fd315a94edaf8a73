#pragma once

#include <core/error.h>
#include <core/sync/outboxitem.h>

#include <QCoreApplication>
#include <QString>

namespace Ledgerdesk::Core {

// Turns a "pick.create" outbox row into inbound/pick_<order>.csv. The name comes from the order
// reference and the content only from the payload, so delivering the same row twice writes the
// same file: a WMS that already consumed it sees a name it knows. Writes are atomic
// (QSaveFile), so the WMS never reads half a ticket.
class WmsPickTicketWriter final
{
    Q_DECLARE_TR_FUNCTIONS(WmsPickTicketWriter)

public:
    explicit WmsPickTicketWriter(QString inboundFolder);

    static QString fileNameFor(const QString &orderReference);

    // Returns the file name written. Validation and Conflict errors will never succeed on a
    // retry; Io errors may.
    Result<QString> write(const OutboxItem &item) const;

private:
    Result<QByteArray> render(const OutboxItem &item, QString &orderReference) const;

    QString m_inbound;
};

} // namespace Ledgerdesk::Core
