#include "availabilityloader.h"

#include <QLoggingCategory>
#include <QThread>

Q_LOGGING_CATEGORY(lcAvailabilityLoader, "ledgerdesk.ui.loader")

namespace Ledgerdesk::Ui {

AvailabilityLoader::AvailabilityLoader(Core::Store &store)
    : m_store(store)
{}

AvailabilityLoader::~AvailabilityLoader() = default;

void AvailabilityLoader::count(const AvailabilityCountRequest &request)
{
    if (QThread::currentThread()->isInterruptionRequested()) {
        return;
    }
    AvailabilityCountResult result;
    result.generation = request.generation;
    result.refresh = request.refresh;
    const auto count = Core::AvailabilityQuery(m_store).count(request.filter);
    if (count) {
        result.count = count.value();
    } else {
        result.error = count.error().message;
    }
    qCDebug(lcAvailabilityLoader) << "count of generation" << request.generation << "is"
                                  << result.count << result.error;
    emit counted(result);
    if (request.firstPage.pageSize > 0 && result.error.isEmpty() && result.count > 0) {
        AvailabilityPageRequest first = request.firstPage;
        first.total = result.count;
        load(first);
    }
}

void AvailabilityLoader::readNewestChange()
{
    if (QThread::currentThread()->isInterruptionRequested()) {
        return;
    }
    const auto newest = Core::AvailabilityQuery(m_store).newestUpdate();
    if (!newest) {
        qCWarning(lcAvailabilityLoader)
            << "reading the newest change failed:" << newest.error().message;
    }
    qCDebug(lcAvailabilityLoader) << "newest change read";
    // Always answered, so the model knows the read is over; 0 when unknown.
    emit newestChangeRead(newest ? newest.value() : 0);
}

void AvailabilityLoader::load(const AvailabilityPageRequest &request)
{
    if (QThread::currentThread()->isInterruptionRequested()) {
        return;
    }
    AvailabilityPageResult result;
    result.generation = request.generation;
    result.page = request.page;
    auto rows = Core::AvailabilityQuery(m_store).fetch(request.filter,
                                                       request.sort,
                                                       request.descending,
                                                       request.pageSize,
                                                       request.page * request.pageSize,
                                                       request.total);
    if (rows) {
        result.rows = std::move(rows).value();
    } else {
        result.error = rows.error().message;
    }
    qCDebug(lcAvailabilityLoader) << "page" << request.page << "of generation" << request.generation
                                  << "has" << result.rows.size() << "rows" << result.error;
    emit loaded(result);
}

} // namespace Ledgerdesk::Ui
