#pragma once

#include "erpcredentials.h"
#include "erpfaults.h"
#include "erprecords.h"
#include "erpreply.h"
#include "oauth1verifier.h"

#include <core/demo/democatalog.h>

#include <QHttpServerRequest>
#include <QJsonObject>
#include <QMap>
#include <QObject>
#include <QRandomGenerator>

#include <memory>

class QHttpServer;
class QHttpServerResponder;

namespace Ledgerdesk::Sandbox {

// A NetSuite-style ERP on loopback: REST record service, SuiteQL with paging, token-based
// OAuth 1.0a, an account-wide concurrency limit answered with 429, and `o:errorDetails` errors.
// It keeps its own books (items, item-location quantities, price levels, B2B customers, sales
// orders, invoices, payments), seeded from the demo catalogue.
class ErpStandIn final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ErpStandIn)

public:
    ErpStandIn(const Core::DemoCatalog &catalog,
               quint32 seed,
               ErpCredentials credentials,
               QObject *parent = nullptr);
    ~ErpStandIn() override;

    void setFaults(const ErpFaults &faults);

    const ErpFaults &faults() const { return m_faults; }

    // Registers /services/rest/record/v1/... and /services/rest/query/v1/suiteql.
    void mount(QHttpServer &server);

    QJsonObject inspect() const;
    QJsonObject saveState() const;
    bool loadState(const QJsonObject &state);

private:
    struct Counters
    {
        qint64 requests = 0;
        qint64 throttled = 0;
        qint64 serverErrors = 0;
        qint64 unavailable = 0;
        qint64 resets = 0;
        qint64 unauthorized = 0;
        qint64 clientErrors = 0;
        qint64 created = 0;
        qint64 updated = 0;
        qint64 idempotentCreates = 0;
        qint64 idempotentReplays = 0;
        qint64 peakInFlight = 0;
    };

    struct IdempotentCreate
    {
        QString type;
        qint64 id = 0;
        QByteArray bodyHash;
        qint64 presented = 0; // how often the key arrived; the create was applied once
    };

    void handle(const QStringList &path,
                const QHttpServerRequest &request,
                QHttpServerResponder &&responder);
    ErpReply route(const QStringList &path, const QHttpServerRequest &request);
    ErpReply listRecords(const QString &type, const QHttpServerRequest &request);
    ErpReply getRecord(const QString &type,
                       qint64 id,
                       const QString &sublist,
                       const QHttpServerRequest &request);
    ErpReply createRecord(const QString &type, const QHttpServerRequest &request);
    ErpReply patchRecord(const QString &type, qint64 id, const QHttpServerRequest &request);
    ErpReply suiteQl(const QHttpServerRequest &request);
    void finish(QHttpServerResponder &responder, const ErpReply &reply);
    QString now() const;
    static QString baseUrl(const QHttpServerRequest &request);

    std::unique_ptr<ErpRecords> m_records;
    ErpCredentials m_credentials;
    OAuth1Verifier m_verifier;
    ErpFaults m_faults;
    QRandomGenerator m_rng;
    quint32 m_seed = 0;
    int m_inFlight = 0;
    Counters m_counters;
    QMap<QString, IdempotentCreate> m_idempotency;
};

} // namespace Ledgerdesk::Sandbox
