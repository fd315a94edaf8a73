#include "faultplan.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>

namespace Ledgerdesk::Sandbox {

namespace {

void absorb(KnobReader &parent, const KnobReader &child)
{
    if (const Core::Status status = child.finish(); !status.ok()) {
        parent.fail(status.error().message);
    }
}

} // namespace

ThrottleKnob ThrottleKnob::read(KnobReader &reader)
{
    ThrottleKnob knob;
    knob.plan = reader.text(QStringLiteral("plan"),
                            QStringLiteral("standard"),
                            {QStringLiteral("standard"),
                             QStringLiteral("advanced"),
                             QStringLiteral("plus"),
                             QStringLiteral("enterprise")});
    // Restore rates per plan from the current documentation; bucket size is configurable.
    const double planRate = knob.plan == u"advanced"     ? 200
                            : knob.plan == u"plus"       ? 1000
                            : knob.plan == u"enterprise" ? 2000
                                                         : 100;
    knob.restoreRate = reader.number(QStringLiteral("restoreRate"), planRate, 1, 100000);
    knob.maximumAvailable = reader.number(
        QStringLiteral("maximumAvailable"), std::max(1000.0, planRate * 10), 1, 1e6);
    knob.pressure = reader.number(QStringLiteral("pressure"), 0, 0, 0.99);
    knob.http429 = reader.text(QStringLiteral("mode"),
                               QStringLiteral("body"),
                               {QStringLiteral("body"), QStringLiteral("http429")})
                   == u"http429";
    knob.maxQueryCost = reader.number(QStringLiteral("maxQueryCost"), 1000, 1, 1e6);
    return knob;
}

QJsonObject ThrottleKnob::toJson() const
{
    return {{QStringLiteral("plan"), plan},
            {QStringLiteral("maximumAvailable"), maximumAvailable},
            {QStringLiteral("restoreRate"), restoreRate},
            {QStringLiteral("pressure"), pressure},
            {QStringLiteral("mode"), http429 ? QStringLiteral("http429") : QStringLiteral("body")},
            {QStringLiteral("maxQueryCost"), maxQueryCost}};
}

WebhookFaults WebhookFaults::read(KnobReader &reader)
{
    WebhookFaults faults;
    faults.duplicateRate = reader.rate(QStringLiteral("duplicateRate"));
    faults.outOfOrderRate = reader.rate(QStringLiteral("outOfOrderRate"));
    faults.malformedRate = reader.rate(QStringLiteral("malformedRate"));
    faults.truncatedRate = reader.rate(QStringLiteral("truncatedRate"));
    faults.wrongShapeRate = reader.rate(QStringLiteral("wrongShapeRate"));
    faults.badSignatureRate = reader.rate(QStringLiteral("badSignatureRate"));
    return faults;
}

QJsonObject WebhookFaults::toJson() const
{
    return {{QStringLiteral("duplicateRate"), duplicateRate},
            {QStringLiteral("outOfOrderRate"), outOfOrderRate},
            {QStringLiteral("malformedRate"), malformedRate},
            {QStringLiteral("truncatedRate"), truncatedRate},
            {QStringLiteral("wrongShapeRate"), wrongShapeRate},
            {QStringLiteral("badSignatureRate"), badSignatureRate}};
}

ShopifyFaults ShopifyFaults::read(KnobReader &reader)
{
    ShopifyFaults faults;
    faults.http = HttpFaults::read(reader);
    KnobReader throttle(reader.object(QStringLiteral("throttle")),
                        reader.path() + QStringLiteral(".throttle"));
    faults.throttle = ThrottleKnob::read(throttle);
    absorb(reader, throttle);
    KnobReader webhooks(reader.object(QStringLiteral("webhooks")),
                        reader.path() + QStringLiteral(".webhooks"));
    faults.webhooks = WebhookFaults::read(webhooks);
    absorb(reader, webhooks);
    faults.countDriftPerHour = reader.number(QStringLiteral("countDriftPerHour"), 0, 0, 1e6);
    return faults;
}

QJsonObject ShopifyFaults::toJson() const
{
    QJsonObject out = http.toJson();
    out.insert(QStringLiteral("throttle"), throttle.toJson());
    out.insert(QStringLiteral("webhooks"), webhooks.toJson());
    out.insert(QStringLiteral("countDriftPerHour"), countDriftPerHour);
    return out;
}

Core::Result<FaultPlan> FaultPlan::fromJson(const QJsonObject &object, quint32 defaultSeed)
{
    KnobReader reader(object, QStringLiteral("faults"));
    FaultPlan plan;
    plan.seed = quint32(reader.number(QStringLiteral("seed"), defaultSeed, 0, 4294967295.0));
    KnobReader shopify(reader.object(QStringLiteral("shopify")), QStringLiteral("shopify"));
    plan.shopify = ShopifyFaults::read(shopify);
    absorb(reader, shopify);
    plan.erp = reader.object(QStringLiteral("erp"));
    plan.wms = reader.object(QStringLiteral("wms"));
    if (const Core::Status status = reader.finish(); !status.ok()) {
        return status.error();
    }
    return plan;
}

Core::Result<FaultPlan> FaultPlan::load(const QString &path, quint32 defaultSeed)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Core::makeError(
            Core::ErrorCode::Io,
            tr("Cannot read the faults file %1: %2").arg(path, file.errorString()));
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        return Core::makeError(Core::ErrorCode::Validation,
                               tr("The faults file %1 is not a JSON object: %2 at offset %3.")
                                   .arg(path, parseError.errorString())
                                   .arg(parseError.offset));
    }
    return fromJson(doc.object(), defaultSeed);
}

} // namespace Ledgerdesk::Sandbox
