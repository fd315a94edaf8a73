#include "skudetailreader.h"

#include <core/store/store.h>

namespace Ledgerdesk::Ui {

SkuDetailReader::SkuDetailReader(Core::Store &store, QObject *parent)
    : QObject(parent)
    , m_loader(new SkuDetailLoader(store, m_newestDetail, m_newestMatrix))
{
    qRegisterMetaType<SkuDetailRequest>();
    qRegisterMetaType<SkuDetailResult>();
    qRegisterMetaType<StyleMatrixRequest>();
    qRegisterMetaType<StyleMatrixResult>();
    m_thread.setObjectName(QStringLiteral("sku-detail-loader"));
    m_loader->moveToThread(&m_thread);
    // The loader's connection belongs to its thread and is closed there, as the thread ends.
    connect(
        &m_thread,
        &QThread::finished,
        m_loader,
        [&store] { store.closeThreadConnection(); },
        Qt::DirectConnection);
    connect(&m_thread, &QThread::finished, m_loader, &QObject::deleteLater);
    connect(m_loader, &SkuDetailLoader::detailRead, this, [this](const SkuDetailResult &result) {
        if (result.generation != m_newestDetail.load()) {
            return;
        }
        m_detailPending = false;
        emit detailRead(result);
    });
    connect(m_loader, &SkuDetailLoader::matrixRead, this, [this](const StyleMatrixResult &result) {
        if (result.generation != m_newestMatrix.load()) {
            return;
        }
        m_matrixPending = false;
        emit matrixRead(result);
    });
    m_thread.start();
}

SkuDetailReader::~SkuDetailReader()
{
    m_thread.requestInterruption();
    m_thread.quit();
    m_thread.wait();
}

void SkuDetailReader::readDetail(const QString &sku,
                                 const QString &locationCode,
                                 qint64 historyRows)
{
    const SkuDetailRequest request{++m_newestDetail, sku, locationCode, historyRows};
    m_detailPending = true;
    QMetaObject::invokeMethod(
        m_loader,
        [loader = m_loader, request] { loader->readDetail(request); },
        Qt::QueuedConnection);
}

void SkuDetailReader::readMatrix(const QString &styleHandle,
                                 const QString &locationCode,
                                 Core::QuantityName quantity)
{
    const StyleMatrixRequest request{++m_newestMatrix, styleHandle, locationCode, quantity};
    m_matrixPending = true;
    QMetaObject::invokeMethod(
        m_loader,
        [loader = m_loader, request] { loader->readMatrix(request); },
        Qt::QueuedConnection);
}

} // namespace Ledgerdesk::Ui
