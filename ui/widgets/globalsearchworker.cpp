#include "globalsearchworker.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcGlobalSearch, "ledgerdesk.ui.search")

namespace Ledgerdesk::Ui {

GlobalSearchWorker::GlobalSearchWorker(Core::Store &store)
    : m_store(store)
{}

void GlobalSearchWorker::search(quint64 generation, const QString &text, int perKind)
{
    if (generation < m_latest.load()) {
        return; // typed on since; the newer request follows
    }
    const auto hits = Core::GlobalSearch(m_store).search(text, perKind);
    if (!hits) {
        qCWarning(lcGlobalSearch) << "search failed:" << hits.error().message;
        emit found(generation, {}, hits.error().message);
        return;
    }
    emit found(generation, hits.value(), QString());
}

} // namespace Ledgerdesk::Ui
