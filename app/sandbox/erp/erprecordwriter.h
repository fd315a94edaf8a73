#pragma once

#include "erprecords.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace Ledgerdesk::Sandbox {

struct ErpWriteResult
{
    qint64 id = 0;
    QString detail; // empty on success
    QString errorCode;
    QString errorPath;

    bool ok() const { return detail.isEmpty(); }
};

// Validated creates and updates with the ERP's side effects: sales orders commit stock, payments
// settle invoices, inventory adjustments move on-hand. A rejected write changes nothing.
class ErpRecordWriter final
{
    Q_DECLARE_TR_FUNCTIONS(ErpRecordWriter)

public:
    ErpRecordWriter(ErpRecords &records, QString now);

    ErpWriteResult create(const QString &type, const QJsonObject &body);
    ErpWriteResult patch(const QString &type, qint64 id, const QJsonObject &body);

private:
    ErpWriteResult createCustomer(const QJsonObject &body);
    ErpWriteResult createItem(const QJsonObject &body);
    ErpWriteResult createItemPrice(const QJsonObject &body);
    ErpWriteResult createTransaction(const QString &type, const QJsonObject &body);
    ErpWriteResult createPayment(const QJsonObject &body);
    ErpWriteResult createAdjustment(const QJsonObject &body);
    qint64 refId(const QJsonObject &body, const QString &field) const;
    QString nextTranId(const QString &type, const char *prefix) const;
    static ErpWriteResult invalid(const QString &detail, const QString &path);

    ErpRecords &m_records;
    QString m_now;
};

} // namespace Ledgerdesk::Sandbox
