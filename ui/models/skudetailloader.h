#pragma once

#include <core/ledger/movementhistory.h>
#include <core/ledger/stylematrix.h>
#include <core/sync/systemfigures.h>

#include <QObject>

#include <atomic>
#include <optional>

namespace Ledgerdesk::Core {
class Store;
}

namespace Ledgerdesk::Ui {

struct SkuDetailRequest
{
    quint64 generation = 0;
    QString sku;
    QString locationCode;
    qint64 historyRows = 0; // the newest this many movements
};

struct SkuDetailResult
{
    quint64 generation = 0;
    QString sku;
    QString locationCode;
    Core::MovementHistoryPage history;
    Core::SystemFigures figures;
    Core::UtcMillis readAt = 0;
    QString error; // empty when both were read
};

struct StyleMatrixRequest
{
    quint64 generation = 0;
    QString styleHandle;
    QString locationCode;
    Core::QuantityName quantity = Core::QuantityName::Available;
};

struct StyleMatrixResult
{
    quint64 generation = 0;
    QString styleHandle;
    Core::StyleMatrix matrix;
    QString error;
};

// Reads one SKU × location's details and one style's matrix on its own thread, through that
// thread's connection. A request overtaken by a newer one before it starts is skipped, so moving
// through rows never leaves a queue of reads behind.
class SkuDetailLoader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SkuDetailLoader)

public:
    SkuDetailLoader(Core::Store &store,
                    const std::atomic<quint64> &newestDetail,
                    const std::atomic<quint64> &newestMatrix);
    ~SkuDetailLoader() override;

    void readDetail(const Ledgerdesk::Ui::SkuDetailRequest &request);
    void readMatrix(const Ledgerdesk::Ui::StyleMatrixRequest &request);

signals:
    void detailRead(const Ledgerdesk::Ui::SkuDetailResult &result);
    void matrixRead(const Ledgerdesk::Ui::StyleMatrixResult &result);

private:
    Core::Store &m_store;
    const std::atomic<quint64> &m_newestDetail;
    const std::atomic<quint64> &m_newestMatrix;
};

} // namespace Ledgerdesk::Ui

Q_DECLARE_METATYPE(Ledgerdesk::Ui::SkuDetailRequest)
Q_DECLARE_METATYPE(Ledgerdesk::Ui::SkuDetailResult)
Q_DECLARE_METATYPE(Ledgerdesk::Ui::StyleMatrixRequest)
Q_DECLARE_METATYPE(Ledgerdesk::Ui::StyleMatrixResult)
