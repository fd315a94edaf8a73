#pragma once

#include "faultinjector.h"

#include <QByteArray>
#include <QHttpServerResponder>

namespace Ledgerdesk::Sandbox {

struct HttpAnswer
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = QByteArrayLiteral("application/json; charset=utf-8");
    QByteArray retryAfter; // set for 429
};

// Writes an answer now or after the drawn latency, damaging it as the fault decision says.
class HttpReply final
{
public:
    static void
    send(QHttpServerResponder &&responder, const FaultDecision &decision, HttpAnswer answer);
    static void sendNow(QHttpServerResponder &responder, const HttpAnswer &answer);
    static HttpAnswer json(int status, const QByteArray &body);
    static HttpAnswer failure(const FaultDecision &decision);

private:
    static void damage(HttpAnswer &answer, const FaultDecision &decision);
};

} // namespace Ledgerdesk::Sandbox
