#pragma once

#include <ui/models/skudetailloader.h>

#include <QObject>
#include <QThread>

#include <atomic>

namespace Ledgerdesk::Core {
class Store;
}

namespace Ledgerdesk::Ui {

// The GUI side of the detail reads: sends requests to a SkuDetailLoader on its own thread and
// hands back only the answer to the newest request of each kind; older answers are dropped.
class SkuDetailReader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SkuDetailReader)

public:
    explicit SkuDetailReader(Core::Store &store, QObject *parent = nullptr);
    ~SkuDetailReader() override;

    void readDetail(const QString &sku, const QString &locationCode, qint64 historyRows);
    void readMatrix(const QString &styleHandle,
                    const QString &locationCode,
                    Core::QuantityName quantity);

    bool isReadingDetail() const { return m_detailPending; }

    bool isReadingMatrix() const { return m_matrixPending; }

signals:
    void detailRead(const Ledgerdesk::Ui::SkuDetailResult &result);
    void matrixRead(const Ledgerdesk::Ui::StyleMatrixResult &result);

private:
    std::atomic<quint64> m_newestDetail{0};
    std::atomic<quint64> m_newestMatrix{0};
    bool m_detailPending = false;
    bool m_matrixPending = false;
    QThread m_thread;
    SkuDetailLoader *m_loader = nullptr;
};

} // namespace Ledgerdesk::Ui
