#pragma once

#include <core/ledger/availability.h>

#include <QList>
#include <QObject>
#include <QString>

namespace Ledgerdesk::Core {
class Store;
}

namespace Ledgerdesk::Ui {

struct AvailabilityPageRequest
{
    quint64 generation = 0; // the model's filter/sort/refresh state the page belongs to
    Core::AvailabilityFilter filter;
    Core::AvailabilitySort sort = Core::AvailabilitySort::Sku;
    bool descending = false;
    qint64 page = 0;
    int pageSize = 0;
    qint64 total = -1; // the row count of this filter, so far pages are read from the end
};

struct AvailabilityPageResult
{
    quint64 generation = 0;
    qint64 page = 0;
    QList<Core::AvailabilityRow> rows;
    QString error; // empty when the page was read
};

struct AvailabilityCountRequest
{
    quint64 generation = 0;
    Core::AvailabilityFilter filter;
    bool refresh = false; // a re-count of the same rows rather than a new filter or order
    // Read right after the count when its pageSize is set: the rows a new table shows first
    // arrive with the count, not one round trip later.
    AvailabilityPageRequest firstPage;
};

struct AvailabilityCountResult
{
    quint64 generation = 0;
    bool refresh = false;
    qint64 count = 0;
    QString error;
};

// Counts and reads pages of availability on its own thread, through that thread's own connection,
// so scrolling far into a big ledger never blocks the window.
class AvailabilityLoader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AvailabilityLoader)

public:
    explicit AvailabilityLoader(Core::Store &store);
    ~AvailabilityLoader() override;

    void count(const Ledgerdesk::Ui::AvailabilityCountRequest &request);
    void load(const Ledgerdesk::Ui::AvailabilityPageRequest &request);
    // The newest balance change of the whole ledger; a scan, so asked for after the rows in sight.
    void readNewestChange();

signals:
    void counted(const Ledgerdesk::Ui::AvailabilityCountResult &result);
    void loaded(const Ledgerdesk::Ui::AvailabilityPageResult &result);
    void newestChangeRead(qint64 newest);

private:
    Core::Store &m_store;
};

} // namespace Ledgerdesk::Ui

Q_DECLARE_METATYPE(Ledgerdesk::Ui::AvailabilityCountRequest)
Q_DECLARE_METATYPE(Ledgerdesk::Ui::AvailabilityCountResult)
Q_DECLARE_METATYPE(Ledgerdesk::Ui::AvailabilityPageRequest)
Q_DECLARE_METATYPE(Ledgerdesk::Ui::AvailabilityPageResult)
