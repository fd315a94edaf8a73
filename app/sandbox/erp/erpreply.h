#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

namespace Ledgerdesk::Sandbox {

// One answer of the ERP stand-in: status, JSON body (absent for 204) and extra headers.
struct ErpReply
{
    int status = 200;
    QJsonObject body;
    bool hasBody = true;
    QList<QPair<QByteArray, QByteArray>> headers;

    static ErpReply json(int status, QJsonObject body);
    static ErpReply noContent();
    // NetSuite-style error: RFC 7807 fields plus `o:errorDetails`.
    static ErpReply error(int status,
                          const QString &detail,
                          const QString &errorCode,
                          const QString &errorPath = {});

    QByteArray bodyBytes() const;
    static QByteArray reasonPhrase(int status);
};

} // namespace Ledgerdesk::Sandbox
