#pragma once

#include "faultplan.h"
#include "sandboxoptions.h"

#include <core/error.h>

#include <QObject>
#include <QTemporaryDir>
#include <QTimer>

#include <memory>

class QHttpServer;
class QTextStream;

namespace Ledgerdesk::Sandbox {

class ErpStandIn;
class InspectionEndpoint;
class SandboxClock;
class ShopifyService;
class WmsDropFolder;

// The composition root: the clock, the stand-ins, the HTTP server on loopback, the printout
// and connection file, and saving state to the data directory.
class SandboxApp final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SandboxApp)

public:
    explicit SandboxApp(SandboxOptions options, QObject *parent = nullptr);
    ~SandboxApp() override;

    Core::Status start(QTextStream &out);
    // Saves state (when there is a data directory) and stops serving.
    void shutdown();

    quint16 port() const { return m_port; }

    QJsonObject connection() const;

private:
    QString statePath() const;
    Core::Result<QJsonObject> readState() const;
    Core::Status writeState();
    Core::Status writeConnectionFile() const;
    void scheduleSave();
    Core::Status startStandIns(const QJsonObject &saved);
    void printBanner(QTextStream &out) const;

    SandboxOptions m_options;
    FaultPlan m_faults;
    std::unique_ptr<SandboxClock> m_clock;
    std::unique_ptr<QHttpServer> m_server;
    ShopifyService *m_shopify = nullptr;
    ErpStandIn *m_erp = nullptr;
    WmsDropFolder *m_wms = nullptr;
    QString m_wmsRoot;
    std::unique_ptr<QTemporaryDir> m_scratch; // the WMS folder when there is no data directory
    InspectionEndpoint *m_inspection = nullptr;
    QTimer m_saveTimer;
    QTimer m_periodicSave;
    quint16 m_port = 0;
};

} // namespace Ledgerdesk::Sandbox
