#include "skudetailloader.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QThread>

Q_LOGGING_CATEGORY(lcSkuDetailLoader, "ledgerdesk.ui.skudetail")

namespace Ledgerdesk::Ui {

SkuDetailLoader::SkuDetailLoader(Core::Store &store,
                                 const std::atomic<quint64> &newestDetail,
                                 const std::atomic<quint64> &newestMatrix)
    : m_store(store)
    , m_newestDetail(newestDetail)
    , m_newestMatrix(newestMatrix)
{}

SkuDetailLoader::~SkuDetailLoader() = default;

void SkuDetailLoader::readDetail(const SkuDetailRequest &request)
{
    if (QThread::currentThread()->isInterruptionRequested()
        || request.generation != m_newestDetail.load()) {
        return;
    }
    QElapsedTimer timer;
    timer.start();
    SkuDetailResult result;
    result.generation = request.generation;
    result.sku = request.sku;
    result.locationCode = request.locationCode;
    result.readAt = Core::nowUtcMillis();
    auto history = Core::MovementHistory(m_store).fetch(
        request.sku, request.locationCode, request.historyRows);
    auto figures = Core::SystemFiguresQuery(m_store).fetch(request.sku, request.locationCode);
    if (!history) {
        result.error = history.error().message;
    } else if (!figures) {
        result.error = figures.error().message;
    } else {
        result.history = std::move(history).value();
        result.figures = std::move(figures).value();
    }
    qCDebug(lcSkuDetailLoader) << "read" << request.sku << "at" << request.locationCode << "in"
                               << timer.nsecsElapsed() / 1000 << "µs" << result.error;
    emit detailRead(result);
}

void SkuDetailLoader::readMatrix(const StyleMatrixRequest &request)
{
    if (QThread::currentThread()->isInterruptionRequested()
        || request.generation != m_newestMatrix.load()) {
        return;
    }
    QElapsedTimer timer;
    timer.start();
    StyleMatrixResult result;
    result.generation = request.generation;
    result.styleHandle = request.styleHandle;
    auto matrix = Core::StyleMatrixQuery(m_store).fetch(
        request.styleHandle, request.locationCode, request.quantity);
    if (matrix) {
        result.matrix = std::move(matrix).value();
    } else {
        result.error = matrix.error().message;
    }
    qCDebug(lcSkuDetailLoader) << "read the matrix of" << request.styleHandle << "in"
                               << timer.nsecsElapsed() / 1000 << "µs" << result.error;
    emit matrixRead(result);
}

} // namespace Ledgerdesk::Ui
