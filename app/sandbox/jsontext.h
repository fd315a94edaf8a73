#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>

namespace Ledgerdesk::Sandbox {

// REST and webhook JSON carries 64-bit ids as bare JSON numbers. QJsonDocument writes large
// integers through double, so ids travel as markers and are written back literally.
class JsonText final
{
public:
    static QJsonValue bigInt(qint64 value);
    static QByteArray serialize(const QJsonObject &object);
    static QByteArray serialize(const QJsonArray &array);

private:
    static QByteArray restoreIntegers(QByteArray compact);
};

} // namespace Ledgerdesk::Sandbox
