#pragma once

#include "faultknobs.h"

#include <core/error.h>

#include <QCoreApplication>
#include <QJsonObject>

namespace Ledgerdesk::Sandbox {

struct ThrottleKnob
{
    QString plan = QStringLiteral("standard");
    double maximumAvailable = 1000;
    double restoreRate = 100;
    double pressure = 0;  // share of the restore rate another app on the shop uses up
    bool http429 = false; // answer THROTTLED with 429 + Retry-After instead of 200
    double maxQueryCost = 1000;

    static ThrottleKnob read(KnobReader &reader);
    QJsonObject toJson() const;
};

struct WebhookFaults
{
    double duplicateRate = 0;
    double outOfOrderRate = 0;
    double malformedRate = 0;
    double truncatedRate = 0;
    double wrongShapeRate = 0;
    double badSignatureRate = 0;

    static WebhookFaults read(KnobReader &reader);
    QJsonObject toJson() const;
};

struct ShopifyFaults
{
    HttpFaults http;
    ThrottleKnob throttle;
    WebhookFaults webhooks;
    double countDriftPerHour = 0; // silent level changes per business hour, no webhook

    static ShopifyFaults read(KnobReader &reader);
    QJsonObject toJson() const;
};

// The --faults file: {"seed": n, "shopify": {...}, "erp": {...}, "wms": {...}}.
struct FaultPlan
{
    Q_DECLARE_TR_FUNCTIONS(FaultPlan)

public:
    quint32 seed = 0;
    ShopifyFaults shopify;
    QJsonObject erp;
    QJsonObject wms;

    static Core::Result<FaultPlan> fromJson(const QJsonObject &object, quint32 defaultSeed);
    static Core::Result<FaultPlan> load(const QString &path, quint32 defaultSeed);
};

} // namespace Ledgerdesk::Sandbox
