#include "erpreply.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Ledgerdesk::Sandbox {

namespace {

QString problemType(int status)
{
    switch (status) {
    case 400:
        return QStringLiteral("https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.1");
    case 401:
        return QStringLiteral("https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.2");
    case 404:
        return QStringLiteral("https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.5");
    case 405:
        return QStringLiteral("https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.6");
    case 409:
        return QStringLiteral("https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.10");
    case 429:
        return QStringLiteral("https://www.rfc-editor.org/rfc/rfc6585.html#section-4");
    case 503:
        return QStringLiteral("https://www.rfc-editor.org/rfc/rfc9110.html#section-15.6.4");
    default:
        return QStringLiteral("https://www.rfc-editor.org/rfc/rfc9110.html#section-15.6.1");
    }
}

} // namespace

ErpReply ErpReply::json(int status, QJsonObject body)
{
    ErpReply reply;
    reply.status = status;
    reply.body = std::move(body);
    return reply;
}

ErpReply ErpReply::noContent()
{
    ErpReply reply;
    reply.status = 204;
    reply.hasBody = false;
    return reply;
}

ErpReply ErpReply::error(int status,
                         const QString &detail,
                         const QString &errorCode,
                         const QString &errorPath)
{
    QJsonObject entry{{QStringLiteral("detail"), detail},
                      {QStringLiteral("o:errorCode"), errorCode}};
    if (!errorPath.isEmpty()) {
        entry.insert(QStringLiteral("o:errorPath"), errorPath);
    }
    return json(status,
                {{QStringLiteral("type"), problemType(status)},
                 {QStringLiteral("title"), QString::fromLatin1(reasonPhrase(status))},
                 {QStringLiteral("status"), status},
                 {QStringLiteral("o:errorDetails"), QJsonArray{entry}}});
}

QByteArray ErpReply::bodyBytes() const
{
    return hasBody ? QJsonDocument(body).toJson(QJsonDocument::Compact) : QByteArray();
}

QByteArray ErpReply::reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 409:
        return "Conflict";
    case 429:
        return "Too Many Requests";
    case 503:
        return "Service Unavailable";
    default:
        return "Internal Server Error";
    }
}

} // namespace Ledgerdesk::Sandbox
