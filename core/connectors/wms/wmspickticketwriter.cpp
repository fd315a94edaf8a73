#include "wmspickticketwriter.h"

#include <core/domain/quantities.h>
#include <core/io/csvwriter.h>

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>

namespace Ledgerdesk::Core {

WmsPickTicketWriter::WmsPickTicketWriter(QString inboundFolder)
    : m_inbound(std::move(inboundFolder))
{}

QString WmsPickTicketWriter::fileNameFor(const QString &orderReference)
{
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9_-]"));
    QString safe = orderReference;
    return QStringLiteral("pick_%1.csv").arg(safe.replace(unsafe, QStringLiteral("_")));
}

Result<QByteArray> WmsPickTicketWriter::render(const OutboxItem &item,
                                               QString &orderReference) const
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(item.payload, &parseError);
    if (!document.isObject()) {
        return makeError(ErrorCode::Validation,
                         tr("pick ticket %1 is not a JSON object: %2")
                             .arg(item.idempotencyKey, parseError.errorString()));
    }
    const QJsonObject payload = document.object();
    orderReference = payload.value(QStringLiteral("order_reference")).toString().trimmed();
    const QJsonArray lines = payload.value(QStringLiteral("lines")).toArray();
    if (orderReference.isEmpty() || lines.isEmpty()) {
        return makeError(ErrorCode::Validation,
                         tr("pick ticket %1 needs an order_reference and at least one line")
                             .arg(item.idempotencyKey));
    }
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvWriter csv(buffer);
    csv.writeRecord({QStringLiteral("order_reference"),
                     QStringLiteral("sku"),
                     QStringLiteral("quantity"),
                     QStringLiteral("location")});
    for (int i = 0; i < lines.size(); ++i) {
        const QJsonObject line = lines.at(i).toObject();
        const QString sku = line.value(QStringLiteral("sku")).toString().trimmed();
        const QString location = line.value(QStringLiteral("location")).toString().trimmed();
        const QJsonValue quantity = line.value(QStringLiteral("quantity"));
        const double number = quantity.toDouble(-1);
        if (sku.isEmpty() || location.isEmpty() || !quantity.isDouble() || number < 1
            || number > double(kMaxAbsoluteQuantity) || number != double(qint64(number))) {
            return makeError(ErrorCode::Validation,
                             tr("pick ticket %1, line %2: needs a sku, a location and a whole "
                                "quantity of at least 1")
                                 .arg(item.idempotencyKey)
                                 .arg(i + 1));
        }
        csv.writeRecord({orderReference, sku, QString::number(qint64(number)), location});
    }
    if (const Status written = csv.status(); !written) {
        return written.error();
    }
    return buffer.data();
}

Result<QString> WmsPickTicketWriter::write(const OutboxItem &item) const
{
    QString orderReference;
    const auto content = render(item, orderReference);
    if (!content) {
        return content.error();
    }
    const QDir inbound(m_inbound);
    const QString name = fileNameFor(orderReference);
    const QString target = inbound.filePath(name);
    if (QFile existing(target); existing.exists()) {
        // Delivered before and not consumed yet: the same ticket is fine, another is not.
        if (!existing.open(QIODevice::ReadOnly)) {
            return makeError(ErrorCode::Io,
                             tr("cannot read %1: %2").arg(target, existing.errorString()));
        }
        if (existing.readAll() == content.value()) {
            return name;
        }
        return makeError(
            ErrorCode::Conflict,
            tr("%1 already holds a different pick ticket for order %2").arg(name, orderReference));
    }
    // QSaveFile writes beside the target under a name the WMS does not read (or unnamed), syncs
    // it and renames it into place, so the WMS never sees half a ticket.
    QSaveFile file(target);
    if (!file.open(QIODevice::WriteOnly) || file.write(content.value()) != content.value().size()
        || !file.commit()) {
        return makeError(ErrorCode::Io, tr("cannot write %1: %2").arg(target, file.errorString()));
    }
    return name;
}

} // namespace Ledgerdesk::Core
