#include "httpreply.h"

#include <QTcpSocket>
#include <QTimer>

#include <memory>

namespace Ledgerdesk::Sandbox {

using Status = QHttpServerResponder::StatusCode;

HttpAnswer HttpReply::json(int status, const QByteArray &body)
{
    HttpAnswer answer;
    answer.status = status;
    answer.body = body;
    return answer;
}

HttpAnswer HttpReply::failure(const FaultDecision &decision)
{
    if (decision.kind == FaultDecision::Kind::Down) {
        return json(503, QByteArrayLiteral("{\"errors\":\"Service Unavailable\"}"));
    }
    return json(decision.status, QByteArrayLiteral("{\"errors\":\"Internal Server Error\"}"));
}

void HttpReply::damage(HttpAnswer &answer, const FaultDecision &decision)
{
    if (answer.status != 200) {
        return;
    }
    if (decision.wrongShape) {
        answer.body = QByteArrayLiteral("{\"data\":[],\"result\":{\"status\":\"ok\"}}");
    }
    if (decision.malform) {
        answer.body = answer.body.left(answer.body.size() / 3) + QByteArrayLiteral("}]{,\"\x01");
    }
    if (decision.truncate) {
        answer.body = answer.body.left(answer.body.size() / 2);
    }
}

void HttpReply::sendNow(QHttpServerResponder &responder, const HttpAnswer &answer)
{
    const auto status = static_cast<Status>(answer.status);
    if (answer.retryAfter.isEmpty()) {
        responder.write(answer.body, {{"Content-Type", answer.contentType}}, status);
    } else {
        responder.write(answer.body,
                        {{"Content-Type", answer.contentType}, {"Retry-After", answer.retryAfter}},
                        status);
    }
}

void HttpReply::send(QHttpServerResponder &&responder,
                     const FaultDecision &decision,
                     HttpAnswer answer)
{
    damage(answer, decision);
    const bool reset = decision.kind == FaultDecision::Kind::Reset;
    if (decision.delayMs <= 0) {
        if (reset) {
            responder.socket()->abort();
        } else {
            sendNow(responder, answer);
        }
        return;
    }
    auto held = std::make_shared<QHttpServerResponder>(std::move(responder));
    QTcpSocket *socket = held->socket();
    QTimer::singleShot(decision.delayMs, socket, [held, answer, reset] {
        if (reset) {
            held->socket()->abort();
        } else {
            sendNow(*held, answer);
        }
    });
}

} // namespace Ledgerdesk::Sandbox
